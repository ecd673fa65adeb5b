package dev.registry.cli;

import dev.registry.tck.Brokers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code registry serve --http PORT}: the catalog in Consul's shape, read as a Consul client reads it. */
class ServeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String prefix = "serve-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void serveAnswersConsulCatalogQueries() throws Exception {
        int port = Addresses.freePort();
        String base = "http://127.0.0.1:" + port + "/v1/catalog/";
        try (Broker nats = Brokers.nats();
             Registry registry = Registry.connect(Brokers.natsUrl(nats), RegistryOptions.builder().mainTopic(prefix)
                     .unregisterOnShutdown(false).build())) {
            registry.register(Service.builder("greeter").address("127.0.0.1:9701").kv("zone", "eu").build());
            registry.register(Service.builder("greeter").address(":9702").host("web-2").build());
            Map<String, String> environment = Map.of("REGISTRY_URL", Brokers.natsUrl(nats), "REGISTRY_PREFIX", prefix);
            try (RegistryCli.Running serve = RegistryCli.start(environment, "serve", "--http", String.valueOf(port))) {
                serve.awaitLine("the server", line -> line.startsWith("serving the catalog of " + Brokers.natsUrl(nats)
                        + " (main topic " + prefix + ") on http://127.0.0.1:" + port + "/v1/catalog/service/<name>"));

                // greeter was registered before serve started: the lookup by name pings it
                HttpResponse<String> greeter = get(base + "service/greeter");
                registry.register(Service.builder("api").address("127.0.0.1:9703").build());
                Await.until("api in the catalog of every service", () -> get(base + "service/*").body().contains("\"api\""));
                JsonNode everything = JSON.readTree(get(base + "service/*?pretty").body());
                JsonNode names = JSON.readTree(get(base + "services").body());

                assertEquals(200, greeter.statusCode());
                assertEquals("application/json; charset=utf-8", greeter.headers().firstValue("Content-Type").orElseThrow());
                JsonNode entries = JSON.readTree(greeter.body());
                assertEquals(2, entries.size(), greeter.body());
                JsonNode first = entries.get(0);
                assertEquals("greeter", first.get("ServiceName").asText());
                assertEquals("127.0.0.1", first.get("Address").asText());
                assertEquals("127.0.0.1", first.get("ServiceAddress").asText());
                assertEquals(9701, first.get("ServicePort").asInt());
                assertEquals("eu", first.get("ServiceMeta").get("zone").asText());
                assertEquals("greeter@127.0.0.1:9701", first.get("ServiceID").asText());
                assertTrue(first.get("ServiceTags").isArray());
                JsonNode anyInterface = entries.get(1);
                assertEquals("web-2", anyInterface.get("Node").asText());
                assertEquals("web-2", anyInterface.get("Address").asText(), "no host in ':9702': the node's name");
                assertEquals("", anyInterface.get("ServiceAddress").asText());
                assertEquals(9702, anyInterface.get("ServicePort").asInt());

                assertEquals(3, everything.size(), everything.toString());
                assertEquals("api", everything.get(0).get("ServiceName").asText());
                assertEquals(2, names.size(), names.toString());
                assertTrue(names.get("api").isArray() && names.get("greeter").isArray(), names.toString());

                assertEquals("[]", get(base + "service/nobody").body(), "Consul answers an unknown service with []");
                assertEquals(400, get(base + "service/a.b").statusCode());
                HttpResponse<String> unknown = get(base + "nowhere");
                assertEquals(404, unknown.statusCode(), "an unknown path, as Consul answers it");
                assertEquals("text/plain; charset=utf-8", unknown.headers().firstValue("Content-Type").orElseThrow());
                assertEquals(200, get(base + "nodes").statusCode(), "the catalog's nodes: registry-catalog's server");
                assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(base + "service/greeter"))
                        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                assertEquals(143, serve.terminate());
            }
        }
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        RegistryCli.Result result = RegistryCli.run(Map.of("REGISTRY_URL", "mem://x"), "serve", "--http", "http");

        assertEquals(2, result.exit(), result.toString());
        assertTrue(result.stderr().startsWith("registry: --http 'http': a port number from 0"), result.toString());
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
