package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The command line as picocli reads it, run in this JVM on the in-memory bus: where options go, how values are
 * typed, what a mistake prints, and the completion script.
 */
class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bus = "mem://cli-" + UUID.randomUUID();

    @Test
    void optionsGoBeforeOrAfterTheCommandWithASpaceOrAnEqualsSign() throws Exception {
        Run listed = run("--url", "mem://elsewhere", "ls", "--url=" + bus, "--wait", "100ms", "--json");
        Run nobody = run("--url=" + bus, "get", "nobody", "--filter", "passing,lb", "--timeout=50ms");

        assertEquals(0, listed.exit(), listed.toString());
        assertTrue(listed.err().startsWith("listening 100ms for the services on " + bus + " (main topic registry)\n"),
                "the last --url wins: " + listed);
        assertTrue(JSON.readTree(listed.out()).isArray(), listed.toString());
        assertEquals(1, nobody.exit(), nobody.toString());
        assertEquals("registry: no instance of 'nobody' passing --filter passing,lb answered within 50ms on " + bus
                + " (main topic registry)\n", nobody.err());
    }

    @Test
    void valuesAreTyped() {
        CommandLine.ParseResult register = Cli.commandLine(Map.of()).parseArgs("register", "greeter", "127.0.0.1:8080",
                "--kv", "zone=eu", "--kv=team=a=b", "--status", "critical").subcommand();
        ParseResult get = Cli.commandLine(Map.of()).parseArgs("get", "greeter", "--filter", "local", "--filter=passing,lb")
                .subcommand();

        assertEquals(Map.of("zone", "eu", "team", "a=b"), register.matchedOptionValue("--kv", Map.of()),
                "split at the first '='");
        assertEquals(Status.CRITICAL, register.matchedOptionValue("--status", Status.PASSING));
        assertEquals(List.of(new FilterName("local", ""), new FilterName("passing", ""), new FilterName("lb", "")),
                get.matchedOptionValue("--filter", List.of()));
        ParseResult routing = Cli.commandLine(Map.of()).parseArgs("get", "greeter", "--filter", "weighted",
                "--filter", "version:^1.4", "--filter", "sticky:user-7").subcommand();
        assertEquals(List.of(new FilterName("weighted", ""), new FilterName("version", "^1.4"), new FilterName("sticky", "user-7")),
                routing.matchedOptionValue("--filter", List.of()));
        assertTrue(run("get", "greeter", "--filter", "version:^one").firstErrorLine().contains("'^one'"),
                "a range that is not understood is a usage error naming it");
        assertTrue(run("get", "greeter", "--filter", "sticky:").firstErrorLine().contains("sticky:KEY"));
    }

    @Test
    void durationsAreReadAsTheEnvironmentWritesThem() {
        assertEquals(Duration.ofMillis(1500), wait("1.5s"));
        assertEquals(Duration.ofSeconds(2), wait("PT2S"));
        assertEquals("registry: --wait '0s': must be more than 0", run("ls", "--wait", "0s").firstErrorLine());
        assertTrue(run("ls", "--wait", "2").firstErrorLine().startsWith("registry: --wait '2': not a duration"));
        assertTrue(run("--timeout", "soon", "ls").firstErrorLine().startsWith("registry: --timeout 'soon': not a duration"));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrongAndHowToWriteIt() {
        Run unknownOption = run("ls", "--colour");
        Run missingValue = run("ls", "--url");
        Run tooMany = run("ping", "a", "b");
        Run missingOption = run("serve");
        Run badPort = run("serve", "--http", "65536");
        Run badStatus = run("register", "greeter", "127.0.0.1:8080", "--status", "ok");

        assertEquals(2, unknownOption.exit(), unknownOption.toString());
        assertEquals("registry: Unknown option: '--colour'\nusage: registry ls [OPTIONS]; 'registry ls --help' tells more\n",
                unknownOption.err());
        assertEquals("registry: Missing required parameter for option '--url' (URL)", missingValue.firstErrorLine());
        assertEquals("registry: Unmatched argument at index 2: 'b'", tooMany.firstErrorLine());
        assertEquals("registry: Missing required option: '--http=PORT'", missingOption.firstErrorLine());
        assertEquals("registry: --http '65536': a port number from 0 (any free port) to 65535", badPort.firstErrorLine());
        assertEquals("registry: --status 'ok': use passing, warning, critical or draining", badStatus.firstErrorLine());
        for (Run mistake : List.of(unknownOption, missingValue, tooMany, missingOption, badPort, badStatus)) {
            assertEquals(2, mistake.exit(), mistake.toString());
            assertEquals("", mistake.out(), mistake.toString());
            assertEquals(2, mistake.err().lines().count(), "one line, then the synopsis: " + mistake);
        }
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String command : List.of("ls", "watch", "get", "register", "ping", "serve", "generate-completion")) {
            Run help = run(command, "--help");

            assertEquals(0, help.exit(), help.toString());
            assertTrue(help.out().startsWith("usage: registry " + command + " "), help.toString());
        }
        assertEquals(run("get", "--help").out(), run("help", "get").out());
        assertTrue(run("-h").out().contains("REGISTRY_REGISTER_INTERVAL"));
    }

    @Test
    void theCompletionScriptKnowsTheCommandsOptionsAndValues() {
        Run completion = run("generate-completion");

        assertEquals(0, completion.exit(), completion.toString());
        assertTrue(completion.out().startsWith("#!/usr/bin/env bash"), completion.out());
        assertTrue(completion.out().contains("complete -F _complete_registry"), completion.out());
        for (String expected : List.of("ls", "watch", "get", "register", "ping", "serve", "'--filter'", "'--service-url'",
                "(\"lb\" \"local\" \"passing\" \"weighted\" \"version:\" \"sticky:\")", "(\"passing\" \"warning\" \"critical\" \"draining\")")) {
            assertTrue(completion.out().contains(expected), expected);
        }
    }

    private static Duration wait(String text) {
        return Cli.commandLine(Map.of()).parseArgs("ls", "--wait", text).subcommand().matchedOptionValue("--wait", null);
    }

    /** Runs a command line to its end, as {@link Main} does, but in this JVM and printing into strings. */
    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(Map.of()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString().replace(System.lineSeparator(), "\n"), err.toString().replace(System.lineSeparator(), "\n"));
    }

    /** What a command line left: its exit status, stdout and stderr. */
    private record Run(int exit, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
