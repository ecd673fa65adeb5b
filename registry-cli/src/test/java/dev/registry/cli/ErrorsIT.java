package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a shell user sees when something is wrong: one message on stderr, no stack trace, the expected status. */
class ErrorsIT {

    @Test
    void anUnreachableBrokerFailsWithItsUrl() {
        String url = "nats://127.0.0.1:" + Addresses.freePort();

        RegistryCli.Result result = RegistryCli.run(Map.of(), "--url", url, "get", "greeter");

        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().startsWith("registry: cannot connect to NATS at " + url), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void anUnreachableRedisFromTheEnvironmentFailsWithItsUrl() {
        String url = "redis://127.0.0.1:" + Addresses.freePort();

        RegistryCli.Result result = RegistryCli.run(Map.of("REGISTRY_URL", url), "ping", "greeter");

        assertEquals(1, result.exit(), result.toString());
        assertTrue(result.stderr().contains(url), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void anUnknownSchemeIsAUsageErrorNamingTheUrlAndTheKnownSchemes() {
        RegistryCli.Result result = RegistryCli.run(Map.of(), "--url", "amqp://127.0.0.1:5672", "ls");

        assertEquals(2, result.exit(), result.toString());
        assertTrue(result.stderr().contains("'amqp://127.0.0.1:5672'"), result.toString());
        assertTrue(result.stderr().contains("nats") && result.stderr().contains("redis"), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void anInvalidVariableIsAUsageErrorNamingTheVariableAndTheValue() {
        RegistryCli.Result result = RegistryCli.run(Map.of("REGISTRY_LOOKUP_TIMEOUT", "soon"), "get", "greeter");

        assertEquals(2, result.exit(), result.toString());
        assertTrue(result.stderr().startsWith("registry: REGISTRY_LOOKUP_TIMEOUT='soon': not a duration"), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void wrongArgumentsAreUsageErrorsWithTheCommandsSynopsis() {
        RegistryCli.Result unknownOption = RegistryCli.run(Map.of(), "ls", "--colour", "blue");
        RegistryCli.Result missingOperand = RegistryCli.run(Map.of(), "get");
        RegistryCli.Result unknownCommand = RegistryCli.run(Map.of(), "list");
        RegistryCli.Result badDuration = RegistryCli.run(Map.of(), "ls", "--wait", "5");

        assertEquals(2, unknownOption.exit(), unknownOption.toString());
        assertEquals("registry: Unknown options: '--colour', 'blue'\nusage: registry ls [OPTIONS]; 'registry ls --help' tells more\n",
                unknownOption.stderr());
        assertEquals(2, missingOperand.exit(), missingOperand.toString());
        assertEquals("registry: Missing required parameter: 'NAME'\nusage: registry get [OPTIONS] NAME; 'registry get --help' tells more\n",
                missingOperand.stderr());
        assertEquals(2, unknownCommand.exit(), unknownCommand.toString());
        assertTrue(unknownCommand.stderr().startsWith("registry: unknown command 'list'; the commands are get, ls,"),
                unknownCommand.toString());
        assertEquals(2, badDuration.exit(), badDuration.toString());
        assertTrue(badDuration.stderr().startsWith("registry: --wait '5': not a duration"), badDuration.toString());
    }

    @Test
    void helpGoesToStdoutAndNoArgumentsIsAUsageError() {
        RegistryCli.Result help = RegistryCli.run(Map.of(), "help");
        RegistryCli.Result nothing = RegistryCli.run(Map.of());

        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().startsWith("usage: registry "), help.toString());
        assertTrue(help.stdout().contains("REGISTRY_REGISTER_INTERVAL"), help.toString());
        assertEquals(2, nothing.exit(), nothing.toString());
        assertEquals(help.stdout(), nothing.stderr());
        assertEquals("", nothing.stdout());
    }

    private static void assertNoStackTrace(RegistryCli.Result result) {
        assertFalse(result.stderr().contains("\tat ") || result.stderr().contains("Exception in thread"), result.toString());
        assertEquals("", result.stdout(), result.toString());
    }
}
