package dev.registry.examples;

import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.EventRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GreeterServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void registersItselfReportsItsHealthAndUnregistersWhenClosed() throws Exception {
        String url = "mem://greeter-" + UUID.randomUUID();
        EventRecorder events = new EventRecorder();
        try (Registry observer = Registry.connect(url); Registry registry = Registry.connect(url)) {
            observer.observe(GreeterService.NAME, events);
            GreeterService greeter = GreeterService.start(registry, GreeterService.NAME, "g1", 0, Duration.ofMinutes(1));
            String address = greeter.service().address();

            Service announced = events.await(ServiceEvent.Type.REGISTERED, address).service();
            assertEquals("http://" + address + "/", announced.url());
            assertEquals("1.0.0", announced.version());
            assertEquals("g1", announced.kv().get("id"));
            assertEquals("hello from g1", send("GET", announced.url() + "hello").body());
            assertEquals(200, send("GET", announced.url() + "health").statusCode());

            // Maintenance is reported at once, not at the next periodic check (a minute away here).
            assertEquals("critical", send("POST", announced.url() + "maintenance").body());
            Await.until("UPDATED to critical", () -> events.of(ServiceEvent.Type.UPDATED).stream()
                    .anyMatch(event -> event.service().status() == Status.CRITICAL));
            assertEquals(503, send("GET", announced.url() + "health").statusCode());
            assertEquals("passing", send("DELETE", announced.url() + "maintenance").body());
            Await.until("UPDATED back to passing", () -> events.of(ServiceEvent.Type.UPDATED).size() == 2
                    && events.of(ServiceEvent.Type.UPDATED).get(1).service().status() == Status.PASSING);

            greeter.close();
            events.await(ServiceEvent.Type.UNREGISTERED, address);
        }
    }

    @Test
    void aGreeterProcessConfiguredByTheEnvironmentUnregistersOnSigterm() throws Exception {
        try (Broker nats = Brokers.nats();
             Registry observer = Registry.connect(Brokers.natsUrl(nats),
                     RegistryOptions.builder().mainTopic("sigterm").build())) {
            EventRecorder events = new EventRecorder();
            observer.observe("sigterm-greeter", events);
            Process greeter = ChildJvm.of(GreeterService.class,
                    Map.of("REGISTRY_URL", Brokers.natsUrl(nats), "REGISTRY_PREFIX", "sigterm"),
                    "--name", "sigterm-greeter", "--id", "child")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                ServiceEvent registered = Await.value("the child's registration; events: " + events.events(),
                        () -> events.of(ServiceEvent.Type.REGISTERED).stream().findFirst().orElse(null));
                assertEquals("child", registered.service().kv().get("id"));

                assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(greeter.pid())).start().waitFor());

                events.await(ServiceEvent.Type.UNREGISTERED, registered.service().address());
                assertTrue(greeter.waitFor(10, TimeUnit.SECONDS), "the greeter exits after SIGTERM");
                assertTrue(events.of(ServiceEvent.Type.EXPIRED).isEmpty(), "unregistered, not left to expire");
            } finally {
                greeter.destroyForcibly();
            }
        }
    }

    private HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
