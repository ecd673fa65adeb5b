package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

    private static final Set<String> VALUED = Set.of("--url", "--kv", "--wait");
    private static final Set<String> FLAGS = Set.of("--json", "--help");

    @Test
    void optionsGoBeforeOrAfterTheCommandWithASpaceOrAnEqualsSign() throws UsageException {
        Arguments arguments = parse("--url", "nats://a:4222", "get", "greeter", "--kv=a=1", "--kv", "b=2", "--json", "--url=nats://b");

        assertEquals(Optional.of("get"), arguments.command());
        assertEquals(List.of("greeter"), arguments.operands());
        assertEquals(Optional.of("nats://b"), arguments.value("--url"), "the last value wins");
        assertEquals(List.of("a=1", "b=2"), arguments.values("--kv"));
        assertTrue(arguments.has("--json"));
        assertTrue(parse("-h").has("--help"));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() throws UsageException {
        assertEquals("unknown option --colour", message(() -> parse("ls", "--colour")));
        assertEquals("--url needs a value", message(() -> parse("ls", "--url")));
        assertEquals("--json takes no value", message(() -> parse("ls", "--json=yes")));
        assertEquals("ls does not take --kv", message(() -> parse("ls", "--kv", "a=b").check("ls", 0, 0, Set.of("--json"))));
        assertEquals("get needs an argument", message(() -> parse("get").check("get", 1, 1, Set.of())));
        assertEquals("register needs 2 arguments", message(() -> parse("register", "x").check("register", 2, 2, Set.of())));
        assertEquals("ping takes at most 1 argument, but got 2: a b", message(() -> parse("ping", "a", "b").check("ping", 1, 1, Set.of())));
    }

    @Test
    void durationsAreReadAsTheEnvironmentWritesThem() throws UsageException {
        assertEquals(Optional.of(Duration.ofMillis(1500)), parse("ls", "--wait", "1.5s").duration("--wait"));
        assertEquals(Optional.of(Duration.ofSeconds(2)), parse("ls", "--wait", "PT2S").duration("--wait"));
        assertEquals(Optional.empty(), parse("ls").duration("--wait"));
        assertEquals("--wait '0s': must be more than 0", message(() -> parse("ls", "--wait", "0s").duration("--wait")));
        assertTrue(message(() -> parse("ls", "--wait", "2").duration("--wait")).startsWith("--wait '2': not a duration"));
    }

    private static Arguments parse(String... args) throws UsageException {
        return Arguments.parse(args, VALUED, FLAGS);
    }

    private static String message(ThrowingCall call) {
        return assertThrows(UsageException.class, call::run).getMessage();
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws UsageException;
    }
}
