package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.registry.DependencyTimeoutException;
import dev.registry.Endpoint;
import dev.registry.Filters;
import dev.registry.HealthCheck;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.Status;
import dev.registry.Subscription;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the registry offers beyond the Go library (health checks, watches, waiting for dependencies, endpoints,
 * zones), checked across registries on the real bus of the transport that extends it.
 */
public abstract class FeatureContractTest extends RegistryTestBase {

    // ---- active health checks ------------------------------------------------------------------------

    @Test
    void supplierHealthCheckSetsTheStatusAndObserversGetUpdated() {
        AtomicReference<Status> health = new AtomicReference<>(Status.PASSING);
        Registry owner = registry();
        Registration registration = owner.register(service("checked", "127.0.0.1:1"),
                HealthCheck.of(health::get).interval(Duration.ofMillis(50)).build());
        Registry observer = registry();
        EventRecorder events = new EventRecorder();
        observer.observe("checked", events);
        assertEquals(1, observer.getServices("checked").size());

        health.set(Status.WARNING);

        assertEquals(Status.WARNING, events.await(ServiceEvent.Type.UPDATED, "127.0.0.1:1").service().status());
        assertEquals(Status.WARNING, registration.status());
    }

    @Test
    void failingChecksTurnCriticalAfterTheRetriesAndRecover() throws IOException {
        Registry owner = registry();
        ServerSocket listening = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        int port = listening.getLocalPort();
        Registration registration = owner.register(service("tcp", "127.0.0.1:" + port),
                HealthCheck.tcp("127.0.0.1", port).interval(Duration.ofMillis(50)).timeout(Duration.ofMillis(500)).retries(3).build());
        Registry observer = registry();
        EventRecorder events = new EventRecorder();
        observer.observe("tcp", events);
        assertEquals(Status.PASSING, observer.getService("tcp").status());

        listening.close();
        events.await(ServiceEvent.Type.UPDATED, "127.0.0.1:" + port);
        assertEquals(Status.CRITICAL, registration.status());
        assertTrue(observer.findService("tcp", Filters.passing()).isEmpty());

        try (ServerSocket back = new ServerSocket()) {
            back.setReuseAddress(true);
            back.bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            Await.until("passing again", () -> registration.status() == Status.PASSING);
        }
    }

    @Test
    void httpHealthCheckFollowsTheAnswerCode() throws IOException {
        AtomicInteger code = new AtomicInteger(200);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(code.get(), -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
            Registration registration = registry().register(service("web", "127.0.0.1:1"),
                    HealthCheck.http(url).interval(Duration.ofMillis(50)).retries(1).build());
            Await.until("passing", () -> registration.status() == Status.PASSING);
            code.set(503);
            Await.until("critical on 503", () -> registration.status() == Status.CRITICAL);
            code.set(204);
            Await.until("passing again on 204", () -> registration.status() == Status.PASSING);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHangingCheckNeitherDelaysHeartbeatsNorRunsTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        Registry owner = registry(options().registerInterval(Duration.ofMillis(100)).build());
        Registration registration = owner.register(service("hang", "127.0.0.1:1"), HealthCheck.of("hangs", timeout -> {
            started.incrementAndGet();
            release.await();
            return Status.PASSING;
        }).interval(Duration.ofMillis(20)).timeout(Duration.ofMillis(100)).retries(2).build());
        long published = owner.stats().messagesOut();

        Await.until("critical after two timed-out probes", () -> registration.status() == Status.CRITICAL);
        Await.until("heartbeats go on meanwhile", () -> owner.stats().messagesOut() >= published + 5);
        assertEquals(1, started.get(), "a hanging probe is not started again");
        release.countDown();
        Await.until("passing once the probe answers", () -> registration.status() == Status.PASSING);
    }

    // ---- instance-list watch -------------------------------------------------------------------------

    @Test
    void watchDeliversTheFullPassingListAtOnceAndAfterEveryChange() {
        Registry owner = registry();
        Registration first = owner.register(service("auth", "127.0.0.1:1"));
        Registry client = registry();
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        Subscription watch = client.watch("auth", instances -> calls.add(addresses(instances)));

        Await.until("the initial list", () -> calls.contains(List.of("127.0.0.1:1")));
        Registration second = owner.register(service("auth", "127.0.0.1:2"));
        Await.until("the list with the second", () -> lastOf(calls).equals(List.of("127.0.0.1:1", "127.0.0.1:2")));
        first.setStatus(Status.CRITICAL);
        Await.until("the critical one left the list", () -> lastOf(calls).equals(List.of("127.0.0.1:2")));
        second.unregister();
        Await.until("the empty list", () -> lastOf(calls).isEmpty());

        watch.close();
        int before = calls.size();
        first.setStatus(Status.PASSING);
        owner.register(service("auth", "127.0.0.1:3"));
        Await.until("the change reached the cache", () -> client.getServices("auth").size() == 2);
        assertEquals(before, calls.size(), "no call after close");
    }

    @Test
    void aBurstOfChangesIsCoalescedAndNeverDeliveredStale() {
        Registry client = registry();
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        client.watch("burst", instances -> calls.add(addresses(instances)));
        Await.until("the initial (empty) list", () -> !calls.isEmpty());
        Registry owner = registry();

        for (int i = 1; i <= 50; i++) {
            owner.register(service("burst", "127.0.0.1:" + i));
        }

        Await.until("all 50 delivered", () -> lastOf(calls).size() == 50);
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i).size() >= calls.get(i - 1).size(), "a call went back in time: " + calls);
        }
        assertTrue(calls.size() <= 51, "no more calls than changes: " + calls.size());
    }

    @Test
    void watchRefreshRedeliversTheFullListPeriodically() {
        registry().register(service("steady", "127.0.0.1:1"));
        AtomicInteger calls = new AtomicInteger();
        registry().watch("steady", Duration.ofMillis(50), instances -> {
            if (instances.size() == 1) {
                calls.incrementAndGet();
            }
        });

        Await.until("several full-state calls without any change", () -> calls.get() >= 4);
    }

    // ---- waiting for dependencies ----------------------------------------------------------------------

    @Test
    void awaitReturnsOnceEveryDependencyHasAPassingInstance() throws Exception {
        Registry owner = registry();
        owner.register(service("billing", "127.0.0.1:2"));
        Registry starting = registry();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> starting.await(Duration.ofSeconds(20), "auth", "billing"));

        owner.register(Service.builder("auth").address("127.0.0.1:1").status(Status.CRITICAL).build());
        Await.until("auth seen", () -> starting.getServices("auth").size() == 1);
        assertFalse(ready.isDone(), "a critical instance is not ready");
        owner.register(service("auth", "127.0.0.1:3"));

        ready.get(20, TimeUnit.SECONDS);
    }

    @Test
    void awaitNamesTheServicesStillMissing() {
        registry().register(service("present", "127.0.0.1:1"));

        DependencyTimeoutException missing = assertThrows(DependencyTimeoutException.class,
                () -> registry().await(Duration.ofMillis(1_500), "present", "absent", "gone"));

        assertEquals(List.of("absent", "gone"), missing.missing());
        assertTrue(missing.getMessage().contains("[absent, gone]"), missing.getMessage());
    }

    // ---- endpoints and zones -----------------------------------------------------------------------------

    @Test
    void endpointsTravelInKvAndLookupsCanAskForAProtocol() {
        Registry owner = registry();
        owner.register(Service.builder("upf").address("10.0.0.1:8805").endpoint("n4", "pfcp", "10.0.0.1", 8805)
                .endpoint("n3", "gtp", "fd00::1", 2152).endpoint("api", "http", "10.0.0.1", 8080).build());
        owner.register(Service.builder("upf").address("10.0.0.2:8080").endpoint("api", "http", "10.0.0.2", 8080).build());
        Registry client = registry();

        Service upf = client.getService("upf", Filters.withProtocol("pfcp"));

        assertEquals("10.0.0.1:8805", upf.address());
        assertEquals(List.of(new Endpoint("api", "http", "10.0.0.1", 8080), new Endpoint("n3", "gtp", "fd00::1", 2152),
                new Endpoint("n4", "pfcp", "10.0.0.1", 8805)), upf.endpoints());
        assertEquals("gtp://[fd00::1]:2152", upf.kv().get("ep.n3"), "a Go peer sees plain kv metadata");
        assertEquals(2, client.getServices("upf", Filters.withProtocol("http")).size());
        assertTrue(client.findService("upf", Filters.withProtocol("grpc")).isEmpty());
    }

    @Test
    void zonePreferenceStaysInZoneWhileItCanAndFailsOverWhenItMust() {
        Registry owner = registry();
        Registration local = owner.register(Service.builder("db").address("127.0.0.1:1").kv("zone", "eu-1").build());
        owner.register(Service.builder("db").address("127.0.0.1:2").kv("zone", "us-1").build());
        Registry client = registry();
        Await.until("both cached", () -> client.getServices("db").size() == 2);

        assertEquals("127.0.0.1:1", client.getService("db", Filters.preferZone("eu-1")).address());
        local.setStatus(Status.CRITICAL);
        Await.until("failed over to the other zone",
                () -> client.getService("db", Filters.preferZone("eu-1")).address().equals("127.0.0.1:2"));
    }

    private static List<String> addresses(List<Service> instances) {
        return instances.stream().map(Service::address).sorted().collect(Collectors.toList());
    }

    private static List<String> lastOf(List<List<String>> calls) {
        return calls.isEmpty() ? List.of("<none yet>") : calls.get(calls.size() - 1);
    }
}
