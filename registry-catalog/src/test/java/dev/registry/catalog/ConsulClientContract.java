package dev.registry.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ecwid.consul.v1.ConsulClient;
import com.ecwid.consul.v1.QueryParams;
import com.ecwid.consul.v1.Response;
import com.ecwid.consul.v1.catalog.CatalogNodesRequest;
import com.ecwid.consul.v1.catalog.CatalogServiceRequest;
import com.ecwid.consul.v1.catalog.CatalogServicesRequest;
import com.ecwid.consul.v1.catalog.model.CatalogService;
import com.ecwid.consul.v1.catalog.model.Node;
import com.ecwid.consul.v1.health.HealthServicesRequest;
import com.ecwid.consul.v1.health.model.Check;
import com.ecwid.consul.v1.health.model.HealthService;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.tck.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog server as a real Consul client reads it: ecwid's {@code consul-api}, the client Spring Cloud
 * Consul 4.x is built on, makes the calls Spring's discovery makes (catalog services, blocking; health service
 * with passing only) against a server whose registry runs on a real broker, while another registry on the same
 * bus registers and unregisters. A transport's test extends this class and says how to reach its broker.
 */
abstract class ConsulClientContract {

    /** A blocking query wakes up within this of the registration on a loaded 2-core machine: far above the ms it takes. */
    private static final Duration WAKE_UP_BOUND = Duration.ofSeconds(5);

    private final String prefix = "consul-" + UUID.randomUUID().toString().substring(0, 8);
    private Registry served;
    private Registry other;
    private CatalogServer server;
    private ConsulClient consul;

    /** The URL of the test's broker. */
    abstract String busUrl();

    @BeforeEach
    void start() {
        served = connect();
        other = connect();
        server = CatalogServer.start(served, CatalogOptions.builder().port(0).build());
        consul = new ConsulClient("127.0.0.1", server.port());
    }

    @AfterEach
    void stop() {
        server.close();
        other.close();
        served.close();
    }

    @Test
    void listsEveryServiceWithItsTags() {
        other.register(Service.builder("web").address("127.0.0.1:8081").build());
        other.register(Service.builder("api").address("127.0.0.1:8082").build());

        Response<Map<String, List<String>>> services = Await.value("web and api listed", () -> {
            Response<Map<String, List<String>>> answer = consul.getCatalogServices(CatalogServicesRequest.newBuilder()
                    .setQueryParams(QueryParams.DEFAULT).build());
            return answer.getValue().keySet().containsAll(List.of("web", "api")) ? answer : null;
        });

        assertEquals(Map.of("web", List.of(), "api", List.of()), services.getValue());
        assertTrue(services.getConsulIndex() >= 1, "X-Consul-Index: " + services.getConsulIndex());
        assertEquals(Boolean.TRUE, services.isConsulKnownLeader());
        assertEquals(0L, services.getConsulLastContact());
    }

    @Test
    void getsAServiceRegisteredBeforeTheServerStarted() {
        other.register(Service.builder("web").address("127.0.0.1:8081").version("1.2.0").kv("zone", "eu").build());
        other.register(Service.builder("web").address(":8082").host("web-2").build());
        // a server started after the registrations has not heard them: the request looks the service up
        try (Registry late = connect(); CatalogServer lateServer = CatalogServer.start(late, CatalogOptions.builder().port(0).build())) {
            ConsulClient lateConsul = new ConsulClient("127.0.0.1", lateServer.port());

            Response<List<CatalogService>> web = lateConsul.getCatalogService("web",
                    CatalogServiceRequest.newBuilder().setQueryParams(QueryParams.DEFAULT).build());

            assertEquals(2, web.getValue().size(), web.getValue().toString());
            CatalogService first = web.getValue().get(0);
            assertEquals("web@127.0.0.1:8081", first.getServiceId());
            assertEquals("web", first.getServiceName());
            assertEquals("127.0.0.1", first.getServiceAddress());
            assertEquals(8081, first.getServicePort());
            assertEquals("127.0.0.1", first.getAddress());
            assertEquals(other.options().hostName(), first.getNode());
            assertEquals("dc1", first.getDatacenter());
            assertEquals(Map.of("zone", "eu"), first.getServiceMeta());
            assertEquals(List.of(), first.getServiceTags());
            assertTrue(first.getCreateIndex() >= 1 && first.getModifyIndex() >= first.getCreateIndex(), first.toString());
            CatalogService anyInterface = web.getValue().get(1);
            assertEquals("web@:8082", anyInterface.getServiceId());
            assertEquals("", anyInterface.getServiceAddress(), "no host in ':8082': clients use the node's address");
            assertEquals("web-2", anyInterface.getAddress());
            assertEquals("web-2", anyInterface.getNode());
            assertEquals(8082, anyInterface.getServicePort());
            assertTrue(web.getConsulIndex() > 1, "the index of a service that has instances: " + web.getConsulIndex());
        }
    }

    @Test
    void healthWithPassingKeepsThePassingInstancesOnly() {
        other.register(Service.builder("web").address("127.0.0.1:8081").build());
        other.register(Service.builder("web").address("127.0.0.1:8082").status(Status.WARNING).build());
        Registration down = other.register(Service.builder("web").address("127.0.0.1:8083").status(Status.CRITICAL).build());

        List<HealthService> all = Await.value("three instances of web", () -> {
            List<HealthService> answer = health(false).getValue();
            return answer.size() == 3 ? answer : null;
        });
        List<HealthService> passing = health(true).getValue();

        assertEquals(List.of(Check.CheckStatus.PASSING, Check.CheckStatus.WARNING, Check.CheckStatus.CRITICAL),
                all.stream().map(entry -> entry.getChecks().get(0).getStatus()).toList());
        assertEquals(1, passing.size(), passing.toString());
        HealthService entry = passing.get(0);
        assertEquals("web@127.0.0.1:8081", entry.getService().getId());
        assertEquals("web", entry.getService().getService());
        assertEquals("127.0.0.1", entry.getService().getAddress());
        assertEquals(8081, entry.getService().getPort());
        assertEquals(other.options().hostName(), entry.getNode().getNode());
        assertEquals("127.0.0.1", entry.getNode().getAddress());
        assertEquals("service:web@127.0.0.1:8081", entry.getChecks().get(0).getCheckId());
        assertEquals("web@127.0.0.1:8081", entry.getChecks().get(0).getServiceId());

        down.setStatus(Status.PASSING);
        Await.until("the instance back to passing is listed as passing", () -> health(true).getValue().size() == 2);
    }

    @Test
    void aBlockingQueryIsWokenByARegistrationOnAnotherRegistry() throws Exception {
        other.register(Service.builder("web").address("127.0.0.1:8080").build());
        Await.until("web in the catalog", () -> health(true).getValue().size() == 1);
        List<Double> latenciesMs = new ArrayList<>();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            for (int port = 8081; port <= 8085; port++) {
                long index = health(true).getConsulIndex();
                AtomicLong returnedAt = new AtomicLong();
                CompletableFuture<Response<List<HealthService>>> blocked = CompletableFuture.supplyAsync(() -> {
                    Response<List<HealthService>> answer = consul.getHealthServices("web", HealthServicesRequest.newBuilder()
                            .setPassing(true).setQueryParams(new QueryParams(60, index)).build());
                    returnedAt.set(System.nanoTime());
                    return answer;
                }, caller);
                Await.holdsFor(Duration.ofMillis(300), "the query blocks while nothing changes", () -> !blocked.isDone());

                long registeredAt = System.nanoTime();
                other.register(Service.builder("web").address("127.0.0.1:" + port).build());
                Response<List<HealthService>> woken = blocked.get(WAKE_UP_BOUND.toMillis(), TimeUnit.MILLISECONDS);

                latenciesMs.add((returnedAt.get() - registeredAt) / 1e6);
                assertEquals("web@127.0.0.1:" + port, woken.getValue().get(woken.getValue().size() - 1).getService().getId());
                assertEquals(port - 8079, woken.getValue().size());
                assertTrue(woken.getConsulIndex() > index, woken.getConsulIndex() + " > " + index);
            }
        } finally {
            caller.shutdownNow();
        }

        List<Double> sorted = latenciesMs.stream().sorted().toList();
        System.out.printf("[%s] blocking query woken after register() on another registry: %s ms (median %.2f, max %.2f)%n",
                getClass().getSimpleName(), latenciesMs.stream().map(ms -> String.format("%.2f", ms)).toList(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertTrue(sorted.get(sorted.size() - 1) < WAKE_UP_BOUND.toMillis(), latenciesMs.toString());
    }

    @Test
    void theAgentAndTheLeaderAreTheServer() {
        other.register(Service.builder("web").address("127.0.0.1:8081").host("web-1").build());

        assertEquals("dc1", consul.getAgentSelf().getValue().getConfig().getDatacenter());
        assertEquals(served.options().hostName(), consul.getAgentSelf().getValue().getConfig().getNodeName());
        assertEquals("127.0.0.1:" + server.port(), consul.getStatusLeader().getValue());
        assertEquals(List.of("dc1"), consul.getCatalogDatacenters().getValue());
        List<Node> nodes = Await.value("web-1 among the nodes", () -> {
            List<Node> answer = consul.getCatalogNodes(CatalogNodesRequest.newBuilder()
                    .setQueryParams(QueryParams.DEFAULT).build()).getValue();
            return answer.stream().anyMatch(node -> node.getNode().equals("web-1")) ? answer : null;
        });
        Node node = nodes.stream().filter(candidate -> candidate.getNode().equals("web-1")).findFirst().orElseThrow();
        assertEquals("127.0.0.1", node.getAddress());
        assertEquals(36, node.getId().length(), "a UUID: " + node.getId());
        assertNotNull(node.getCreateIndex());
    }

    private Response<List<HealthService>> health(boolean passing) {
        return consul.getHealthServices("web", HealthServicesRequest.newBuilder().setPassing(passing)
                .setQueryParams(QueryParams.DEFAULT).build());
    }

    private Registry connect() {
        return Registry.connect(busUrl(), RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofMillis(500))
                .unregisterOnShutdown(false).build());
    }
}
