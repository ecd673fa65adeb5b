package dev.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /v1/prometheus/targets} in the format of Prometheus's HTTP SD documentation ("Writing HTTP Service
 * Discovery"): HTTP 200, {@code Content-Type: application/json} (Prometheus's own check, a regular expression,
 * accepts a {@code charset=utf-8} parameter), UTF-8, a list of target groups with {@code targets} and
 * {@code labels}, {@code []} when there is nothing; and the URL of the README's {@code http_sd_configs} snippet.
 */
class PrometheusTargetsTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    /** The content types Prometheus's HTTP SD accepts (discovery/http/http.go, {@code matchContentType}). */
    private static final Pattern PROMETHEUS_CONTENT_TYPE = Pattern.compile("^(?i:application/json(;\\s*charset=(\"utf-8\"|utf-8))?)$");
    /** A label name Prometheus accepts in every version (the legacy, ASCII-only rule). */
    private static final Pattern LABEL_NAME = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");
    /** {@code host:port}, IPv6 hosts in brackets. */
    private static final Pattern TARGET = Pattern.compile("^(\\[[0-9a-fA-F:.]+]|[^:\\[\\]/\\s]+):\\d{1,5}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String prefix = "prometheus-" + UUID.randomUUID().toString().substring(0, 8);
    private Registry served;
    private Registry other;
    private CatalogServer server;
    private String targets;

    @BeforeEach
    void start() {
        served = connect();
        other = connect();
        server = CatalogServer.start(served, CatalogOptions.builder().port(0).build());
        targets = "http://127.0.0.1:" + server.port() + "/v1/prometheus/targets";
        other.register(Service.builder("metrics").address("127.0.0.1:9100").version("1.2.0").host("web-1")
                .kv("zone", "eu").kv("team.name", "équipe cœur").kv("1st-rack", "r1").build());
        other.register(Service.builder("metrics").address(":9101").host("web-2").status(Status.CRITICAL).build());
        other.register(Service.builder("api").address("[::1]:8443").host("web-3").build());
        other.register(Service.builder("api").address("/tmp/api.sock").host("web-3").build());
        Await.until("four instances in the catalog", () -> Http.get("http://127.0.0.1:" + server.port()
                + "/v1/catalog/service/*").body().split("ServiceID").length == 5);
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
        served.close();
    }

    @Test
    void theTargetsAreExactlyTheDocumentedFormat() {
        HttpResponse<String> answer = Http.get(targets);

        assertDocumentedFormat(answer);
        assertEquals("[{\"targets\":[\"[::1]:8443\"],\"labels\":{\"__meta_registry_host\":\"web-3\","
                + "\"__meta_registry_instance\":\"api@[::1]:8443\",\"__meta_registry_service\":\"api\","
                + "\"__meta_registry_status\":\"passing\",\"__meta_registry_version\":\"\"}},"
                + "{\"targets\":[\"127.0.0.1:9100\"],\"labels\":{\"__meta_registry_host\":\"web-1\","
                + "\"__meta_registry_instance\":\"metrics@127.0.0.1:9100\",\"__meta_registry_kv_1st_rack\":\"r1\","
                + "\"__meta_registry_kv_team_name\":\"équipe cœur\",\"__meta_registry_kv_zone\":\"eu\","
                + "\"__meta_registry_service\":\"metrics\",\"__meta_registry_status\":\"passing\","
                + "\"__meta_registry_version\":\"1.2.0\"}},"
                + "{\"targets\":[\"web-2:9101\"],\"labels\":{\"__meta_registry_host\":\"web-2\","
                + "\"__meta_registry_instance\":\"metrics@:9101\",\"__meta_registry_service\":\"metrics\","
                + "\"__meta_registry_status\":\"critical\",\"__meta_registry_version\":\"\"}}]", answer.body(),
                "by service then id, labels in key order; no target for the socket, which has no port; UTF-8 read back as written");
    }

    @Test
    void passingAndServiceSelectTheTargets() {
        HttpResponse<String> passing = Http.get(targets + "?passing");
        HttpResponse<String> api = Http.get(targets + "?service=api");
        HttpResponse<String> both = Http.get(targets + "?service=api&service=metrics&passing=true");
        HttpResponse<String> nobody = Http.get(targets + "?service=nobody");

        List.of(passing, api, both, nobody).forEach(PrometheusTargetsTest::assertDocumentedFormat);
        assertEquals(List.of("[::1]:8443", "127.0.0.1:9100"), targetsOf(passing));
        assertEquals(List.of("[::1]:8443"), targetsOf(api));
        assertEquals(List.of("[::1]:8443", "127.0.0.1:9100"), targetsOf(both));
        assertEquals("[]", nobody.body(), "no targets: HTTP 200 with an empty list, as the documentation requires");
    }

    @Test
    void theReadmeSnippetsUrlIsWhatPrometheusReads() throws IOException {
        URI documented = URI.create(httpSdUrl());
        assertEquals("127.0.0.1:8500", documented.getAuthority(), "the snippet points at the server's default address");
        String url = documented.toString().replace("127.0.0.1:8500", "127.0.0.1:" + server.port());

        // the request Prometheus's HTTP SD sends (discovery/http/http.go): these headers, no others
        HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("User-Agent", "Prometheus/3.0.0").header("X-Prometheus-Refresh-Interval-Seconds", "30").build());

        assertDocumentedFormat(answer);
        assertEquals(List.of("[::1]:8443", "127.0.0.1:9100"), targetsOf(answer), "the snippet scrapes passing instances");
    }

    /** Checks every requirement of "Requirements of HTTP SD endpoints" and "HTTP_SD format". */
    private static void assertDocumentedFormat(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        String type = Http.header(answer, "Content-Type");
        assertTrue(PROMETHEUS_CONTENT_TYPE.matcher(type.strip()).matches(), type);
        JsonNode groups = tree(answer.body());
        assertTrue(groups.isArray(), answer.body());
        for (JsonNode group : groups) {
            assertTrue(group.isObject(), group.toString());
            assertEquals(List.of("targets", "labels"), fieldNames(group), group.toString());
            assertTrue(group.get("targets").isArray() && !group.get("targets").isEmpty(), group.toString());
            group.get("targets").forEach(target -> assertTrue(target.isTextual()
                    && TARGET.matcher(target.asText()).matches(), "host:port: " + target));
            assertTrue(group.get("labels").isObject(), group.toString());
            group.get("labels").properties().forEach(label -> {
                assertTrue(LABEL_NAME.matcher(label.getKey()).matches(), "label name " + label.getKey());
                assertTrue(label.getValue().isTextual(), "label value " + label.getValue());
            });
        }
    }

    /** The {@code url} of the README's {@code http_sd_configs} snippet: the configuration a user copies. */
    private static String httpSdUrl() throws IOException {
        Matcher snippet = Pattern.compile("http_sd_configs:\\s*\\n\\s*-\\s*url:\\s*(\\S+)")
                .matcher(Files.readString(Path.of("../README.md")));
        if (!snippet.find()) {
            throw new AssertionError("no http_sd_configs snippet in README.md");
        }
        return snippet.group(1);
    }

    private static List<String> targetsOf(HttpResponse<String> answer) {
        List<String> all = new ArrayList<>();
        tree(answer.body()).forEach(group -> group.get("targets").forEach(target -> all.add(target.asText())));
        return all;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    private Registry connect() {
        return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic(prefix)
                .lookupTimeout(Duration.ofMillis(500)).unregisterOnShutdown(false).build());
    }
}
