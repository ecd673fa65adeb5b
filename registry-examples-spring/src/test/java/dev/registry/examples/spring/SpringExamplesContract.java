package dev.registry.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registry.Addresses;
import dev.registry.examples.spring.CallLoop.Call;
import dev.registry.examples.spring.caller.CallerApplication;
import dev.registry.examples.spring.greeter.GreeterApplication;
import dev.registry.tck.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Spring example across processes: two greeters and the caller, each a Spring Boot application in a JVM of
 * its own, configured by {@code REGISTRY_*} variables as a deployment would be. The caller's calls spread over
 * both greeters; one greeter is stopped with SIGTERM and every call after the signal succeeds, the caller
 * choosing it no more within milliseconds; a third greeter started later gets calls within a second of
 * listening. Prints both figures, measured two ways: from the caller's load-balancer list (its debug log, read
 * as it is written) and from the calls themselves. Subclasses name the broker.
 */
abstract class SpringExamplesContract {

    /** How long a Spring Boot JVM may take to start on a loaded 2-core machine (about 6 s when measured). */
    private static final Duration START = Duration.ofSeconds(90);
    /** The caller's debug line for each new list of greeters. */
    private static final String GREETER_LIST = "greeter: ";

    private final HttpClient http = HttpClient.newHttpClient();

    /** The bus URL of the subclass's broker. */
    abstract String busUrl();

    @Test
    void callsSpreadLeaveAStoppedGreeterAtOnceAndReachANewOneWithinASecond() throws Exception {
        Map<String, String> environment = Map.of("REGISTRY_URL", busUrl(), "REGISTRY_REGISTRATION_HOST", "127.0.0.1");
        int callerPort = Addresses.freePort();
        try (AppProcess one = greeter("one", environment); AppProcess two = greeter("two", environment);
             AppProcess caller = AppProcess.start(name("caller"), CallerApplication.class, environment,
                     "--server.port=" + callerPort,
                     "--logging.level.dev.registry.spring.RegistryServiceInstanceListSupplier=debug")) {
            one.awaitLine("registered and serving", START);
            two.awaitLine("registered and serving", START);
            caller.awaitLine("Started CallerApplication", START);

            Map<String, Long> spread = answerCounts(callerPort, 20);
            System.out.printf("%s: 20 calls spread as %s%n", name("caller"), spread);
            assertThat(spread).containsOnlyKeys("one", "two");
            assertThat(spread.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(5));

            try (CallLoop loop = CallLoop.start(callerPort)) {
                Await.until("calls reach greeter one", () -> loop.firstAnswerFrom("one", 0).isPresent());
                long signalled = System.nanoTime();
                one.terminate();
                long listWithoutOne = caller.awaitLine(GREETER_LIST + "1 passing", signalled, Duration.ofSeconds(10));
                assertThat(one.awaitExit(Duration.ofSeconds(30))).as("exit status after SIGTERM").isIn(0, 143);
                long exited = System.nanoTime();
                Await.until("calls after greeter one exited", () -> loop.since(exited).size() >= 20);
                leftAfterSigterm(loop.since(signalled), signalled, listWithoutOne, exited);

                int threePort = Addresses.freePort();
                try (AppProcess three = greeter("three", environment, threePort)) {
                    long listening = three.awaitLine("Tomcat started on port", START);
                    long inList = caller.awaitLine("127.0.0.1:" + threePort, three.launched(), Duration.ofSeconds(5));
                    Await.until("a call reaches greeter three", Duration.ofSeconds(5),
                            () -> loop.firstAnswerFrom("three", 0).isPresent());
                    Call first = loop.firstAnswerFrom("three", 0).orElseThrow();
                    long chosen = millis(first.start() - listening);
                    System.out.printf("%s: greeter three, listening, was in the caller's list %d ms later and got its"
                                    + " first call %d ms later (answered at %d ms; %d ms after its JVM was launched)%n",
                            name("caller"), millis(inList - listening), chosen, millis(first.end() - listening),
                            millis(first.start() - three.launched()));
                    assertThat(chosen).as("ms from greeter three listening to its first call").isLessThan(1_000);
                    assertThat(loop.since(signalled)).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
                }
            }
            metricsShow(callerPort);
        }
    }

    /**
     * Every call since the signal succeeded, and the caller stopped choosing greeter one soon after it. Prints
     * the figure, counted from the signal: when the caller's list lost greeter one, and the moment by which the
     * calls prove it.
     */
    private void leftAfterSigterm(List<Call> sinceSignal, long signalled, long listWithoutOne, long exited) {
        assertThat(sinceSignal).as("every call after SIGTERM succeeds").allSatisfy(call ->
                assertThat(call.status()).as(call.body()).isEqualTo(200));
        int lastToOne = -1;
        for (int i = 0; i < sinceSignal.size(); i++) {
            if (sinceSignal.get(i).answeredBy("one")) {
                lastToOne = i;
            }
        }
        // Round robin over both greeters never chooses the same one twice in a row: two calls in a row that went
        // elsewhere prove that greeter one had left the caller's list when the second of them started
        long provenByCalls = millis(sinceSignal.get(lastToOne + 2).start() - signalled);
        long callsBeforeExit = sinceSignal.stream().filter(call -> call.start() <= exited).count();
        System.out.printf("%s: greeter one left the caller's list %d ms after its SIGTERM; the calls prove it by %d ms"
                        + " (%d calls reached it after the signal, served while it drained; a call every %.1f ms);"
                        + " greeter one exited after %d ms; %d calls since the signal, all succeeded%n", name("caller"),
                millis(listWithoutOne - signalled), provenByCalls, lastToOne + 1,
                (double) millis(exited - signalled) / Math.max(1, callsBeforeExit), millis(exited - signalled),
                sinceSignal.size());
        assertThat(millis(listWithoutOne - signalled)).as("ms from SIGTERM to the caller's list without greeter one")
                .isLessThan(1_000);
        assertThat(provenByCalls).as("ms from SIGTERM to calls proving greeter one left").isLessThan(1_000);
    }

    private void metricsShow(int callerPort) {
        Call names = CallLoop.once(http, URI.create("http://127.0.0.1:" + callerPort + "/actuator/metrics"));
        assertThat(names.body()).contains("registry.lookups", "registry.messages", "registry.cache.instances",
                "registry.events");
        Call events = CallLoop.once(http, URI.create("http://127.0.0.1:" + callerPort
                + "/actuator/metrics/registry.events?tag=type:unregistered"));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).as("greeter one's unregistration counted").containsPattern("\"value\":[1-9]");
    }

    private Map<String, Long> answerCounts(int callerPort, int calls) {
        URI call = URI.create("http://127.0.0.1:" + callerPort + "/call?name=test");
        return IntStream.range(0, calls).mapToObj(i -> CallLoop.once(http, call))
                .map(answer -> answer.body().substring(answer.body().lastIndexOf(' ') + 1))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private AppProcess greeter(String id, Map<String, String> environment) {
        return greeter(id, environment, 0);
    }

    private AppProcess greeter(String id, Map<String, String> environment, int port) {
        return AppProcess.start(name("greeter-" + id), GreeterApplication.class, environment, "--greeter.id=" + id,
                "--server.port=" + port);
    }

    /** A process's name, with the broker's scheme, for the logs. */
    private String name(String process) {
        return busUrl().substring(0, busUrl().indexOf(':')) + "-" + process;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
