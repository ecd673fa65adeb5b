package dev.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.Await;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server at the HTTP level, against a registry on a real nats-server: Consul's headers, errors, blocking
 * query bounds and indexes, filters, and the server's own life cycle.
 */
class CatalogServerTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack on top of a timed wait, for a loaded 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final String prefix = "catalog-" + UUID.randomUUID().toString().substring(0, 8);
    private Registry served;
    private Registry other;
    private CatalogServer server;
    private String base;

    @BeforeEach
    void start() {
        served = connect();
        other = connect();
        server = CatalogServer.start(served, CatalogOptions.builder().port(0).build());
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
        served.close();
    }

    @Test
    void twoLinesStartAServerOnLoopbackThatCloseStopsAndTheRegistryStaysOpen() {
        try (Registry registry = connect()) {
            CatalogServer embedded = CatalogServer.start(registry, CatalogOptions.builder().port(0).build());

            assertTrue(embedded.address().getAddress().isLoopbackAddress(), embedded.address().toString());
            assertEquals(URI.create("http://127.0.0.1:" + embedded.port() + "/"), embedded.uri());
            assertEquals(200, Http.get(embedded.uri() + "v1/catalog/services").statusCode());
            embedded.close();
            embedded.close();

            assertThrows(UncheckedIOException.class, () -> Http.get(embedded.uri() + "v1/catalog/services"));
            registry.register(Service.builder("still-open").address("127.0.0.1:1").build());
            try (CatalogServer again = CatalogServer.start(registry, CatalogOptions.builder().port(embedded.port()).build())) {
                assertEquals(embedded.port(), again.port(), "the port is free again");
            }
        }
        assertEquals("127.0.0.1", CatalogOptions.defaults().bindAddress());
        assertEquals(8500, CatalogOptions.defaults().port());
    }

    @Test
    void answersDoNotWaitForTheClientsDelayedAck() {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            assertEquals(200, Http.get(base + "/v1/catalog/services").statusCode());
            micros.add((System.nanoTime() - start) / 1_000);
        }
        List<Long> measured = micros.subList(10, micros.size()).stream().sorted().toList();
        long median = measured.get(measured.size() / 2);

        System.out.printf("[CatalogServerTest] GET /v1/catalog/services over a kept-alive connection: median %d µs%n", median);
        // with Nagle's algorithm on, each answer waits for a delayed ACK: 40 ms or more, every time
        assertTrue(median < 25_000, median + " µs");
    }

    @Test
    void aTakenPortFailsWithAMessageNamingIt() {
        UncheckedIOException taken = assertThrows(UncheckedIOException.class,
                () -> CatalogServer.start(served, CatalogOptions.builder().port(server.port()).build()));

        assertTrue(taken.getMessage().startsWith("cannot listen on 127.0.0.1:" + server.port()), taken.getMessage());
    }

    @Test
    void everyCatalogAnswerCarriesConsulsHeaders() {
        other.register(Service.builder("web").address("127.0.0.1:8081").build());
        Await.until("web in the catalog", () -> Http.get(base + "/v1/catalog/service/web").body().contains("8081"));

        for (String path : List.of("/v1/catalog/services", "/v1/catalog/service/web", "/v1/health/service/web",
                "/v1/catalog/nodes", "/v1/catalog/service/*")) {
            HttpResponse<String> answer = Http.get(base + path);
            assertEquals(200, answer.statusCode(), path);
            assertEquals("application/json; charset=utf-8", Http.header(answer, "Content-Type"), path);
            assertTrue(Long.parseLong(Http.header(answer, "X-Consul-Index")) >= 1, path);
            assertEquals("true", Http.header(answer, "X-Consul-KnownLeader"), path);
            assertEquals("0", Http.header(answer, "X-Consul-LastContact"), path);
        }
    }

    @Test
    void errorsAreConsulsPlainTextLinesNeverHtml() {
        assertError(404, "", Http.get(base + "/v1/kv/anything"));
        assertError(404, "", Http.get(base + "/"));
        assertError(404, "", Http.get(base + "/v1/catalog/services/extra"));
        assertError(400, "Missing service name", Http.get(base + "/v1/health/service/"));
        assertError(400, "Invalid wait time", Http.get(base + "/v1/catalog/services?index=1&wait=soon"));
        assertError(400, "Invalid index", Http.get(base + "/v1/catalog/services?index=first"));
        assertError(400, "Invalid value for ?passing", Http.get(base + "/v1/health/service/web?passing=maybe"));
        assertError(400, "Cannot specify ?stale with ?consistent, conflicting semantics.",
                Http.get(base + "/v1/catalog/nodes?stale&consistent"));
        assertError(400, "Failed to create boolean expression evaluator: ",
                Http.get(base + "/v1/catalog/service/web?filter=" + encoded("ServiceName ==")));
        assertError(500, "No path to datacenter", Http.get(base + "/v1/catalog/services?dc=dc2"));
        assertError(400, "", Http.get(base + "/v1/catalog/service/a.b"));

        HttpResponse<String> put = Http.send("PUT", base + "/v1/catalog/service/web");
        assertError(405, "method PUT not allowed", put);
        assertEquals("OPTIONS,GET", Http.header(put, "Allow"));
        HttpResponse<String> options = Http.send("OPTIONS", base + "/v1/catalog/services");
        assertEquals(200, options.statusCode());
        assertEquals("OPTIONS,GET", Http.header(options, "Allow"));
    }

    @Test
    void aBlockingQueryWithoutChangeReturnsAfterItsWaitWithTheSameAnswer() {
        HttpResponse<String> first = Http.get(base + "/v1/catalog/services");
        String index = Http.header(first, "X-Consul-Index");

        long start = System.nanoTime();
        HttpResponse<String> second = Http.get(base + "/v1/catalog/services?index=" + index + "&wait=1s");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("[CatalogServerTest] ?wait=1s answered after %d ms (at most 1000 + 62 ms of jitter)%n",
                waited.toMillis());
        assertTrue(waited.compareTo(Duration.ofSeconds(1)) >= 0, waited.toString());
        assertTrue(waited.compareTo(Duration.ofMillis(1_063).plus(SLACK)) < 0, waited.toString());
        assertEquals(index, Http.header(second, "X-Consul-Index"));
        assertEquals(first.body(), second.body());
    }

    @Test
    void theIndexRisesOnEveryChangeOfWhatTheEndpointReturnsAndOnlyThen() throws Exception {
        Registration web = other.register(Service.builder("web").address("127.0.0.1:8081").build());
        Await.until("web listed", () -> Http.get(base + "/v1/catalog/services").body().contains("web"));
        long names = index("/v1/catalog/services");
        long instances = index("/v1/catalog/service/web");

        CompletableFuture<HttpResponse<String>> namesQuery = Http.getAsync(base + "/v1/catalog/services?index=" + names
                + "&wait=30s");
        other.register(Service.builder("web").address("127.0.0.1:8082").build());
        Await.until("the second instance in the catalog", () -> index("/v1/catalog/service/web") > instances);
        Await.holdsFor(Duration.ofMillis(300), "another instance of a known name changes no name", () -> !namesQuery.isDone());
        assertEquals(names, index("/v1/catalog/services"));

        other.register(Service.builder("api").address("127.0.0.1:8083").build());
        HttpResponse<String> woken = namesQuery.get(Await.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(Long.parseLong(Http.header(woken, "X-Consul-Index")) > names);
        assertTrue(woken.body().contains("api"), woken.body());

        long before = index("/v1/health/service/web");
        web.setStatus(Status.CRITICAL);
        Await.until("a status change raises the service's index", () -> index("/v1/health/service/web") > before);
        long critical = index("/v1/health/service/web");
        web.unregister();
        Await.until("an unregistration raises it again", () -> index("/v1/health/service/web") > critical);
        assertEquals(1, JSON.readTree(Http.get(base + "/v1/health/service/web").body()).size());
    }

    @Test
    void anIndexFromBeforeTheServerStartedIsAnsweredAtOnce() {
        long start = System.nanoTime();
        HttpResponse<String> answer = Http.get(base + "/v1/catalog/services?index=987654321&wait=5m");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(200, answer.statusCode());
        assertTrue(Long.parseLong(Http.header(answer, "X-Consul-Index")) < 987_654_321L);
        assertTrue(took.compareTo(SLACK) < 0, took.toString());
    }

    @Test
    void aHundredBlockedQueriesHoldNoThreadAndOneRegistrationWakesThemAll() throws Exception {
        try (CatalogServer small = CatalogServer.start(served, CatalogOptions.builder().port(0).threads(2).build())) {
            String url = "http://127.0.0.1:" + small.port() + "/v1/health/service/web?index=";
            long index = Long.parseLong(Http.header(Http.get(url + "0"), "X-Consul-Index"));
            List<CompletableFuture<HttpResponse<String>>> blocked = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                blocked.add(Http.getAsync(url + index + "&wait=60s"));
            }
            Await.holdsFor(Duration.ofMillis(300), "the queries wait", () -> blocked.stream().noneMatch(CompletableFuture::isDone));
            long start = System.nanoTime();
            HttpResponse<String> meanwhile = Http.get("http://127.0.0.1:" + small.port() + "/v1/agent/self");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

            other.register(Service.builder("web").address("127.0.0.1:8081").build());
            CompletableFuture.allOf(blocked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertEquals(200, meanwhile.statusCode());
            assertTrue(answeredIn.compareTo(SLACK) < 0, "two threads still answer while queries wait: " + answeredIn);
            for (CompletableFuture<HttpResponse<String>> query : blocked) {
                assertTrue(query.get().body().contains("web@127.0.0.1:8081"), query.get().body());
            }
        }
    }

    @Test
    void tagsAndNodeMetadataKeepNothingAndFiltersSelect() throws IOException {
        other.register(Service.builder("web").address("127.0.0.1:8081").kv("zone", "eu").build());
        other.register(Service.builder("web").address("127.0.0.1:8082").kv("zone", "us").status(Status.WARNING).build());
        other.register(Service.builder("api").address("127.0.0.1:8083").build());
        Await.until("three instances", () -> Http.get(base + "/v1/catalog/service/*").body().split("ServiceID").length == 4);

        assertEquals("[]", Http.get(base + "/v1/catalog/service/web?tag=primary").body());
        assertEquals("[]", Http.get(base + "/v1/health/service/web?node-meta=" + encoded("rack:r1")).body());
        assertEquals("{}", Http.get(base + "/v1/catalog/services?node-meta=" + encoded("rack:r1")).body());
        assertEquals(List.of("web@127.0.0.1:8081"), ids(Http.get(base + "/v1/catalog/service/web?filter="
                + encoded("ServiceMeta.zone == \"eu\"")).body(), "ServiceID"));
        assertEquals(List.of("web@127.0.0.1:8082"), ids(Http.get(base + "/v1/health/service/web?filter="
                + encoded("Checks.Status == warning and Service.Port != 8081")).body(), "Service"));
        assertEquals("{\"api\":[]}", Http.get(base + "/v1/catalog/services?filter=" + encoded("ServiceMeta is empty")).body());
    }

    @Test
    void theServerSaysWhoItIsAndPrettyIndentsAsConsul() throws IOException {
        try (CatalogServer named = CatalogServer.start(served, CatalogOptions.builder().port(0).datacenter("eu-1")
                .nodeName("catalog-1").build())) {
            String url = "http://127.0.0.1:" + named.port();
            other.register(Service.builder("web").address("127.0.0.1:8081").build());

            JsonNode self = JSON.readTree(Http.get(url + "/v1/agent/self").body());
            HttpResponse<String> pretty = Http.get(url + "/v1/catalog/service/web?pretty&dc=eu-1");

            assertEquals("eu-1", self.path("Config").path("Datacenter").asText());
            assertEquals("catalog-1", self.path("Config").path("NodeName").asText());
            assertTrue(self.path("Config").path("Server").asBoolean());
            assertEquals("\"127.0.0.1:" + named.port() + "\"", Http.get(url + "/v1/status/leader").body());
            assertEquals("[\"eu-1\"]", Http.get(url + "/v1/catalog/datacenters").body());
            assertEquals(200, pretty.statusCode());
            assertTrue(pretty.body().startsWith("[\n    {\n        \"ID\": \""), pretty.body());
            assertTrue(pretty.body().endsWith("]\n"), pretty.body());
            assertTrue(pretty.body().contains("\"NodeMeta\": {},") && pretty.body().contains("\"ServiceTags\": [],"),
                    "empty as Go writes them: " + pretty.body());
            assertEquals("eu-1", JSON.readTree(pretty.body()).get(0).path("Datacenter").asText());
        }
    }

    private static void assertError(int status, String reasonStart, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("text/plain; charset=utf-8", Http.header(answer, "Content-Type"));
        assertTrue(answer.body().startsWith(reasonStart), answer.body());
        assertFalse(answer.body().contains("<"), "no HTML: " + answer.body());
    }

    private static List<String> ids(String body, String field) throws IOException {
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).forEach(entry -> ids.add(field.equals("Service") ? entry.path("Service").path("ID").asText()
                : entry.path(field).asText()));
        return ids;
    }

    private long index(String path) {
        return Long.parseLong(Http.header(Http.get(base + path), "X-Consul-Index"));
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Registry connect() {
        return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic(prefix)
                .lookupTimeout(Duration.ofMillis(500)).unregisterOnShutdown(false).build());
    }
}
