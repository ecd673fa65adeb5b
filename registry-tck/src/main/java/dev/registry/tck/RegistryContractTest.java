package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.DropReason;
import dev.registry.Filters;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceNotFoundException;
import dev.registry.Status;
import dev.registry.spi.Pubsub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every transport must give a {@code Registry}, checked across several registries, each on its
 * own connection to one real bus, and against raw bytes as a Go peer sends them. A transport module extends
 * this class and supplies {@link #newPubsub()}; each test runs under its own main topic, so tests never see
 * each other's messages.
 */
public abstract class RegistryContractTest extends RegistryTestBase {

    // ---- registration and lookup across registries -------------------------------------------------

    @Test
    void serviceRegisteredOnOneRegistryIsFoundByAnother() {
        Registry owner = registry();
        Registry client = registry();
        owner.register(Service.builder("orders").address("10.0.0.5:8080").version("1.4.0").url("http://10.0.0.5:8080")
                .network("tcp").kv("zone", "eu-1").build());

        Service found = client.getService("orders");

        assertEquals("orders", found.name());
        assertEquals("10.0.0.5:8080", found.address());
        assertEquals("1.4.0", found.version());
        assertEquals("http://10.0.0.5:8080", found.url());
        assertEquals("tcp", found.network());
        assertEquals(Map.of("zone", "eu-1"), found.kv());
        assertEquals(owner.options().hostName(), found.host(), "host defaults to the owner's host name");
        assertEquals(Status.PASSING, found.status());
        assertEquals(8080, found.port().getAsInt());
    }

    @Test
    void getServicesOnAColdCacheReturnsEveryInstanceThatAnswers() {
        Registry first = registry();
        Registry second = registry();
        first.register(service("catalog", "127.0.0.1:1"));
        first.register(service("catalog", "127.0.0.1:2"));
        second.register(service("catalog", "127.0.0.1:3"));

        List<Service> all = registry().getServices("catalog");

        assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"), addresses(all));
    }

    @Test
    void lookupOfAnAbsentServiceTimesOut() {
        Registry client = registry(options().lookupTimeout(Duration.ofMillis(150)).build());

        assertTrue(client.findService("ghost").isEmpty());
        ServiceNotFoundException notFound = assertThrows(ServiceNotFoundException.class, () -> client.getService("ghost"));
        assertEquals("ghost", notFound.serviceName());
        assertTrue(client.getServices("ghost").isEmpty());
        assertEquals(3, client.stats().lookupTimeouts());
    }

    @Test
    void localhostMeansTheRegistrysConfiguredHostName() {
        Registry owner = registry(options().hostName("box-a").build());
        owner.register(service("local", "127.0.0.1:1"));
        owner.register(Service.builder("local").address("127.0.0.1:2").host("box-b").build());
        Registry client = registry(options().hostName("box-a").build());
        Await.until("both instances", () -> client.getServices("local").size() == 2);

        assertEquals(List.of("127.0.0.1:1"), client.getServices("local", Filters.localhost()).stream().map(Service::address).toList());
        Registry elsewhere = registry(options().hostName("box-b").build());
        Await.until("both instances elsewhere", () -> elsewhere.getServices("local").size() == 2);
        assertEquals("127.0.0.1:2", elsewhere.getService("local", Filters.localhost()).address());
    }

    @Test
    void loadBalanceRoundRobinsEachNameOnItsOwnInterleaved() {
        Registry owner = registry();
        for (int i = 1; i <= 3; i++) {
            owner.register(service("left", "127.0.0.1:" + i));
            owner.register(service("right", "127.0.0.2:" + i));
        }
        Registry client = registry();
        Await.until("all six", () -> client.getServices("left").size() == 3 && client.getServices("right").size() == 3);
        java.util.Map<String, Integer> hits = new java.util.TreeMap<>();
        for (int i = 0; i < 300; i++) {
            hits.merge(client.getService("left", Filters.loadBalance()).address(), 1, Integer::sum);
            hits.merge(client.getService("right", Filters.loadBalance()).address(), 1, Integer::sum);
        }
        assertEquals(6, hits.size(), hits.toString());
        assertTrue(hits.values().stream().allMatch(count -> count == 100), "exactly fair per name: " + hits);
    }

    @Test
    void loadBalanceRoundRobinsOverInstances() {
        Registry owner = registry();
        for (int port = 1; port <= 3; port++) {
            owner.register(service("lb", "127.0.0.1:" + port));
        }
        Registry client = registry();
        Await.until("3 instances cached", () -> client.getServices("lb").size() == 3);

        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < 9; i++) {
            hits.merge(client.getService("lb", Filters.loadBalance()).address(), 1, Integer::sum);
        }

        assertEquals(Map.of("127.0.0.1:1", 3, "127.0.0.1:2", 3, "127.0.0.1:3", 3), hits);
    }

    @Test
    void aThousandThreadsLoadBalancingAtOnceEachGetEveryInstanceOnceARound() throws Exception {
        Registry owner = registry();
        for (int port = 1; port <= 4; port++) {
            owner.register(service("crowd", "127.0.0.1:" + port));
        }
        Registry client = registry();
        Await.until("4 instances cached", () -> client.getServices("crowd").size() == 4);
        Map<String, AtomicInteger> hits = new java.util.concurrent.ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 1_000; t++) {
            Thread caller = new Thread(() -> Await.thenRun(go, () -> {
                for (int call = 0; call < 4; call++) {
                    hits.computeIfAbsent(client.getService("crowd", Filters.loadBalance()).address(),
                            address -> new AtomicInteger()).incrementAndGet();
                }
            }));
            caller.start();
            callers.add(caller);
        }
        go.countDown();
        for (Thread caller : callers) {
            caller.join(TimeUnit.SECONDS.toMillis(30));
        }

        // each thread rotates through the four from a random start: four calls reach each instance once
        Map<String, Integer> counts = new java.util.TreeMap<>();
        hits.forEach((address, count) -> counts.put(address, count.get()));
        assertEquals(Map.of("127.0.0.1:1", 1_000, "127.0.0.1:2", 1_000, "127.0.0.1:3", 1_000, "127.0.0.1:4", 1_000), counts);
    }

    @Test
    void filtersComposeInOrderAfterTheDefaultFilters() {
        Registry owner = registry();
        owner.register(Service.builder("mix").address("127.0.0.1:1").build());
        owner.register(Service.builder("mix").address("127.0.0.1:2").host("elsewhere").build());
        owner.register(Service.builder("mix").address("127.0.0.1:3").status(Status.CRITICAL).build());
        Registry client = registry(options().defaultFilter(Filters.passing()).build());
        Await.until("3 instances cached", () -> registry().getServices("mix").size() == 3);

        assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2"), addresses(client.getServices("mix")));
        assertEquals(List.of("127.0.0.1:1"), addresses(client.getServices("mix", Filters.localhost())));
        assertEquals(List.of("127.0.0.1:2"), addresses(client.getServices("mix", Filters.sameHost("elsewhere"))));
        assertEquals("127.0.0.1:2", client.getService("mix", Filters.sameHost("elsewhere"), Filters.loadBalance()).address());
        assertEquals("127.0.0.1:1", client.getService("mix", Filters.localhost()).address());
        assertTrue(Set.of("127.0.0.1:1", "127.0.0.1:2").contains(client.getService("mix").address()));
    }

    @Test
    void asyncLookupsCompleteOnTheListenerExecutorWithoutBlockingTheCaller() throws Exception {
        Registry client = registry(options().lookupTimeout(Duration.ofSeconds(5)).build());
        // Nothing is registered yet, so the stage is attached before the answer can arrive.
        CompletableFuture<String> thread = client.getServiceAsync("async")
                .thenApply(found -> Thread.currentThread().getName() + " " + found.address());
        assertFalse(thread.isDone());
        registry().register(service("async", "127.0.0.1:7"));

        assertTrue(thread.get(10, TimeUnit.SECONDS).matches("registry-events-\\d+ 127.0.0.1:7"), thread.get());
        assertEquals(1, client.getServicesAsync("async").get(10, TimeUnit.SECONDS).size());

        Registry impatient = registry(options().lookupTimeout(Duration.ofMillis(300)).build());
        CompletionException failed = assertThrows(CompletionException.class, () -> impatient.getServiceAsync("nobody").join());
        assertInstanceOf(ServiceNotFoundException.class, failed.getCause());
        assertTrue(impatient.getServicesAsync("nobody").get(10, TimeUnit.SECONDS).isEmpty());
    }

    @Test
    void concurrentColdLookupsOfOneNameShareOnePing() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        raw().subscribe(topic("ping", "popular"), (topic, payload) -> pings.incrementAndGet());
        registry().register(service("popular", "127.0.0.1:9"));
        Registry client = registry();

        int callers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Service>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return client.getService("popular");
                }));
            }
            start.countDown();
            for (Future<Service> result : results) {
                assertEquals("127.0.0.1:9", result.get(30, TimeUnit.SECONDS).address());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, client.stats().pingsSent());
        Await.until("the ping reached the raw subscriber", () -> pings.get() >= 1);
        assertEquals(1, pings.get());
    }

    @Test
    void lookupsOfACachedNamePublishNothing() {
        registry().register(service("hot", "127.0.0.1:5"));
        Registry client = registry();
        client.getService("hot");
        long published = client.stats().messagesOut();

        for (int i = 0; i < 1_000; i++) {
            client.getService("hot", Filters.loadBalance());
        }

        assertEquals(published, client.stats().messagesOut());
        assertTrue(client.stats().lookupHits() >= 1_000);
    }

    // ---- status, unregister, close -----------------------------------------------------------------

    @Test
    void statusChangeIsPublishedAtOnceAndHonouredByThePassingFilter() {
        Registry owner = registry();
        Registration registration = owner.register(service("health", "127.0.0.1:1"));
        Registry client = registry(options().lookupTimeout(Duration.ofMillis(200)).build());
        EventRecorder events = new EventRecorder();
        client.observe("health", events);
        client.getService("health");

        registration.setStatus(Status.CRITICAL);

        ServiceEvent updated = events.await(ServiceEvent.Type.UPDATED, "127.0.0.1:1");
        assertEquals(Status.CRITICAL, updated.service().status());
        assertEquals(Status.PASSING, updated.previous().orElseThrow().status(), "an UPDATED event carries the state before");
        assertTrue(events.of(ServiceEvent.Type.REGISTERED).get(0).previous().isEmpty());
        assertEquals(Status.CRITICAL, registration.status());
        assertTrue(client.findService("health", Filters.passing()).isEmpty());
        assertEquals(Status.CRITICAL, client.getService("health").status());

        registration.setStatus(Status.PASSING);
        Await.until("passing again", () -> client.findService("health", Filters.passing()).isPresent());
    }

    @Test
    void unregisterIsIdempotentAndTheInstanceDoesNotAnswerPingsAfterwards() {
        Registry owner = registry();
        Registration registration = owner.register(service("gone", "127.0.0.1:1"));
        Registry client = registry();
        EventRecorder events = new EventRecorder();
        client.observe("gone", events);
        client.getService("gone");

        registration.unregister();
        registration.unregister();

        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        assertFalse(registration.isRegistered());
        assertThrows(IllegalStateException.class, () -> registration.setStatus(Status.WARNING));
        assertTrue(owner.registrations().isEmpty());
        Registry coldClient = registry(options().lookupTimeout(Duration.ofMillis(300)).build());
        assertTrue(coldClient.findService("gone").isEmpty(), "an unregistered instance must not answer pings");
        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.UNREGISTERED), events.typesOf("127.0.0.1:1"));
    }

    @Test
    void closeUnregistersEveryRegistrationAndIsIdempotent() {
        Registry owner = registry();
        owner.register(service("shutdown", "127.0.0.1:1"));
        owner.register(service("shutdown", "127.0.0.1:2"));
        Registry client = registry();
        EventRecorder events = new EventRecorder();
        client.observe("shutdown", events);
        Await.until("both cached", () -> client.getServices("shutdown").size() == 2);

        owner.close();
        owner.close();

        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:2");
        assertThrows(RegistryClosedException.class, () -> owner.register(service("shutdown", "127.0.0.1:3")));
        assertThrows(RegistryClosedException.class, () -> owner.getService("shutdown"));
        assertTrue(client.getServices("shutdown").isEmpty());
    }

    @Test
    void closingOneRegistryLeavesTheOthersWorking() {
        Registry first = registry();
        Registry second = registry();
        first.close();

        second.register(service("survivor", "127.0.0.1:1"));

        assertEquals("127.0.0.1:1", registry().getService("survivor").address());
    }

    // ---- events --------------------------------------------------------------------------------------

    @Test
    void listenersGetOrderedEventsOffTheTransportThreadAndAThrowingListenerStopsNoOne() {
        Registry client = registry();
        client.observe("evt", event -> {
            throw new IllegalStateException("listener failure is logged, not fatal");
        });
        EventRecorder events = new EventRecorder();
        client.observe("evt", events);
        EventRecorder all = new EventRecorder();
        client.observeAll(all);

        Registration registration = registry().register(service("evt", "127.0.0.1:1"));
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        registration.setStatus(Status.WARNING);
        events.await(ServiceEvent.Type.UPDATED, "127.0.0.1:1");
        registration.unregister();
        events.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");

        assertEquals(List.of(ServiceEvent.Type.REGISTERED, ServiceEvent.Type.UPDATED, ServiceEvent.Type.UNREGISTERED),
                events.typesOf("127.0.0.1:1"));
        assertTrue(events.threads().stream().allMatch(name -> name.startsWith("registry-events-")), events.threads().toString());
        all.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        assertEquals(events.typesOf("127.0.0.1:1"), all.typesOf("127.0.0.1:1"));
    }

    @Test
    void closedSubscriptionGetsNoMoreEvents() {
        Registry client = registry();
        EventRecorder stopped = new EventRecorder();
        client.observe("sub", stopped).close();
        EventRecorder live = new EventRecorder();
        client.observe("sub", live);

        registry().register(service("sub", "127.0.0.1:1"));

        live.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        assertTrue(stopped.events().isEmpty());
    }

    @Test
    void registrationsAndObservedNamesAreReported() {
        Registry registry = registry();
        Registration first = registry.register(service("a", "127.0.0.1:1"));
        registry.register(service("b", "127.0.0.1:2"));
        registry.observe("c", event -> { });
        registry.findService("a");

        assertEquals(Set.of("a", "c"), new HashSet<>(registry.observedNames()));
        assertEquals(List.of("127.0.0.1:1", "127.0.0.1:2"),
                registry.registrations().stream().map(r -> r.service().address()).toList());
        first.unregister();
        assertEquals(List.of("127.0.0.1:2"), registry.registrations().stream().map(r -> r.service().address()).toList());
    }

    // ---- expiry --------------------------------------------------------------------------------------

    @Test
    void instanceThatStopsHeartbeatingExpiresWithinItsDueTime() {
        Registry observer = registry(options().dueCheckPeriod(Duration.ofMillis(50)).build());
        EventRecorder events = new EventRecorder();
        observer.observe("crashy", events);

        long sent = System.nanoTime();
        raw().publish(topic("register", "crashy"), goRegister("crashy", "127.0.0.1:1", 200, ""));
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        events.await(ServiceEvent.Type.EXPIRED, "127.0.0.1:1");
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);

        assertTrue(elapsedMillis >= 300, "expired after Duration x 1.5 = 300 ms, not before: " + elapsedMillis);
        assertEquals(0, observer.stats().cacheSize());
    }

    @Test
    void heartbeatsKeepAnInstanceAlive() {
        Registry owner = registry(options().registerInterval(Duration.ofMillis(100)).build());
        Registry observer = registry(options().dueFactor(4).dueCheckPeriod(Duration.ofMillis(20)).build());
        EventRecorder events = new EventRecorder();
        observer.observe("alive", events);
        owner.register(service("alive", "127.0.0.1:1"));
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");

        long beatsBefore = owner.stats().messagesOut();
        Await.until("ten heartbeats", () -> owner.stats().messagesOut() >= beatsBefore + 10);

        assertTrue(events.of(ServiceEvent.Type.EXPIRED).isEmpty(), events.events().toString());
        assertEquals(1, observer.getServices("alive").size());
    }

    @Test
    void expiryFollowsTheInjectedTicker() {
        FakeTicker ticker = new FakeTicker();
        Registry observer = registry(options().ticker(ticker).dueCheckPeriod(Duration.ofMillis(20)).build());
        EventRecorder events = new EventRecorder();
        observer.observe("ticked", events);
        raw().publish(topic("register", "ticked"), goRegister("ticked", "127.0.0.1:1", 20_000, ""));
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");

        ticker.advance(Duration.ofSeconds(29));
        observer.getServices("ticked");
        assertEquals(1, observer.getServices("ticked").size(), "due only after 20 s x 1.5");

        ticker.advance(Duration.ofSeconds(2));
        events.await(ServiceEvent.Type.EXPIRED, "127.0.0.1:1");
        Await.until("the cache is empty", () -> observer.stats().cacheSize() == 0);
    }

    // ---- wire compatibility with Go peers --------------------------------------------------------------

    @Test
    void readsRegisterMessagesExactlyAsAGoPeerSendsThem() {
        Registry client = registry();
        Pubsub goPeer = raw();
        goPeer.subscribe(topic("ping", "full"), (topic, payload) -> goPeer.publish(topic("register", "full"),
                ("{\"net\":\"tcp\",\"add\":\"127.0.0.1:8443\",\"url\":\"https://127.0.0.1:8443/api\",\"name\":\"full\","
                        + "\"v\":\"1.2.3\",\"h\":\"h1\",\"kv\":{\"w\":\"5\",\"zone\":\"eu\"},"
                        + "\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8)));
        goPeer.subscribe(topic("ping", "svc2"), (topic, payload) -> goPeer.publish(topic("register", "svc2"),
                ("{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\","
                        + "\"t\":{\"Registered\":1795287854754,\"Duration\":1000},\"status\":\"warning\"}")
                        .getBytes(StandardCharsets.UTF_8)));

        Service full = client.getService("full");
        Service svc2 = client.getService("svc2");

        assertEquals(Service.builder("full").network("tcp").address("127.0.0.1:8443").url("https://127.0.0.1:8443/api")
                .version("1.2.3").host("h1").kv("w", "5").kv("zone", "eu").build(), full);
        assertEquals(Service.builder("svc2").address("127.0.0.1:9001").host("vm").status(Status.WARNING).build(), svc2);
    }

    @Test
    void writesRegisterAndUnregisterMessagesExactlyAsAGoPeer() {
        ConcurrentLinkedQueue<String> wire = new ConcurrentLinkedQueue<>();
        Pubsub goPeer = raw();
        goPeer.subscribe(topic("register", "full"), (topic, payload) -> wire.add("register " + utf8(payload)));
        goPeer.subscribe(topic("unregister", "full"), (topic, payload) -> wire.add("unregister " + utf8(payload)));
        Registry owner = registry(options().registerInterval(Duration.ofSeconds(1)).build());

        Registration registration = owner.register(Service.builder("full").network("tcp").address("127.0.0.1:8443")
                .url("https://127.0.0.1:8443/api").version("1.2.3").kv("zone", "eu").kv("w", "5").build());
        String fields = "\"net\":\"tcp\",\"add\":\"127.0.0.1:8443\",\"url\":\"https://127.0.0.1:8443/api\",\"name\":\"full\","
                + "\"v\":\"1.2.3\",\"h\":\"" + owner.options().hostName() + "\",\"kv\":{\"w\":\"5\",\"zone\":\"eu\"}";
        String first = Await.value("register message", wire::poll);
        assertMatches("register \\{" + Pattern.quote(fields) + ",\"t\":\\{\"Registered\":(\\d{13}),\"Duration\":1000}}", first);
        long registered = Long.parseLong(first.replaceAll(".*\"Registered\":(\\d+).*", "$1"));
        assertTrue(Math.abs(System.currentTimeMillis() - registered) < 60_000, "Registered is Unix milliseconds: " + registered);

        registration.setStatus(Status.WARNING);
        String warning = Await.value("status change", () -> wire.stream().filter(m -> m.contains("status")).findFirst().orElse(null));
        assertMatches("register \\{" + Pattern.quote(fields) + ",\"t\":\\{\"Registered\":\\d{13},\"Duration\":1000},\"status\":\"warning\"}", warning);

        registration.unregister();
        String unregister = Await.value("unregister message", () -> wire.stream().filter(m -> m.startsWith("unregister")).findFirst().orElse(null));
        assertEquals("unregister {" + fields + "}", unregister, "no t, no status; host as registered");
    }

    @Test
    void answersAPingByPublishingARegisterMessageForEveryObserver() {
        registry().register(service("pinged", "127.0.0.1:1"));
        ConcurrentLinkedQueue<String> registers = new ConcurrentLinkedQueue<>();
        Pubsub goPeer = raw();
        goPeer.subscribe(topic("register", "pinged"), (topic, payload) -> registers.add(utf8(payload)));

        goPeer.publish(topic("ping", "pinged"), new byte[0]);

        String answer = Await.value("answer to the ping", registers::poll);
        assertTrue(answer.contains("\"add\":\"127.0.0.1:1\""), answer);
    }

    /**
     * A lookup may subscribe to a name without the broker's confirmation (it needs only its own ping's answers),
     * so an observer of a name lookups already use must still wait for the subscriptions to be confirmed: a
     * registration another process makes once {@code observe} has returned is heard, for every such name.
     */
    @Test
    void observingNamesPendingLookupsSubscribedHearsRegistrationsMadeAfterObserveReturns() {
        // the lookups wait for the registrations below, which come after 20 observe calls on a loaded machine
        Registry client = registry(options().lookupTimeout(Duration.ofSeconds(30)).build());
        Registry owner = registry();
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "looked-up-" + i).toList();
        List<CompletableFuture<Service>> lookups = names.stream().map(client::getServiceAsync).toList();
        EventRecorder events = new EventRecorder();

        for (String name : names) {
            client.observe(name, events);
        }
        for (String name : names) {
            owner.register(service(name, "127.0.0.1:1"));
        }

        Await.until("a REGISTERED event for every name", () -> events.events().stream()
                .filter(event -> event.type() == ServiceEvent.Type.REGISTERED)
                .map(event -> event.service().name()).collect(Collectors.toSet()).containsAll(names));
        Await.until("every pending lookup answered", () -> lookups.stream().allMatch(CompletableFuture::isDone));
        assertTrue(lookups.stream().noneMatch(CompletableFuture::isCompletedExceptionally), "every lookup found it");
    }

    @Test
    void badMessagesAreDroppedAndCountedWithoutHarmingTheCache() {
        Registry client = registry();
        EventRecorder events = new EventRecorder();
        client.observe("victim", events);
        Pubsub hostile = raw();
        String register = topic("register", "victim");
        hostile.publish(register, "{not json".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, "{\"name\":\"other\",\"add\":\"1:1\",\"t\":{\"Registered\":1,\"Duration\":1000}}".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, "{\"name\":\"victim\",\"add\":\"1:2\"}".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, "{\"name\":\"victim\",\"add\":\"1:3\",\"t\":{\"Registered\":1,\"Duration\":-5}}".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, "{\"name\":\"victim\",\"add\":7,\"t\":{\"Registered\":1,\"Duration\":1000}}".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, new byte[] {'{', '"', 'n', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});
        hostile.publish(register, new byte[100_000]);
        hostile.publish(topic("unregister", "victim"), "[]".getBytes(StandardCharsets.UTF_8));
        hostile.publish(register, goRegister("victim", "127.0.0.1:1", 60_000, ""));

        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        Await.until("9 messages in", () -> client.stats().messagesIn() >= 9);
        Map<DropReason, Long> dropped = client.stats().dropped();
        assertEquals(4, dropped.get(DropReason.MALFORMED), dropped.toString());
        assertEquals(1, dropped.get(DropReason.NAME_MISMATCH), dropped.toString());
        assertEquals(1, dropped.get(DropReason.MISSING_TIMESTAMPS), dropped.toString());
        assertEquals(1, dropped.get(DropReason.BAD_DURATION), dropped.toString());
        assertEquals(1, dropped.get(DropReason.TOO_LARGE), dropped.toString());
        assertEquals(List.of("127.0.0.1:1"), addresses(client.getServices("victim")));
        assertEquals(1, events.events().size());
    }

    @Test
    void observeFiltersDecideWhatEntersTheCache() {
        Registry owner = registry();
        owner.register(Service.builder("local").address("127.0.0.1:1").host("h1").build());
        owner.register(Service.builder("local").address("127.0.0.1:2").host("h2").build());
        Registry client = registry(options().observeFilter(service -> service.host().equals("h1")).build());

        Await.until("the other host's instance was filtered out",
                () -> client.getServices("local").size() == 1 && client.stats().dropped().get(DropReason.OBSERVE_FILTER) >= 1);
        assertEquals(List.of("127.0.0.1:1"), addresses(client.getServices("local")));
    }

    @Test
    void mainTopicsIsolateTenantsOnOneBus() {
        registry().register(service("tenant", "127.0.0.1:1"));
        Registry otherTenant = registry(RegistryOptions.builder().mainTopic(prefix + "x")
                .lookupTimeout(Duration.ofMillis(300)).build());

        assertTrue(otherTenant.findService("tenant").isEmpty());
    }

    @Test
    void invalidNamesAreRejectedBeforeAnythingIsPublished() {
        Registry registry = registry();
        for (String bad : List.of("", "a.b", "a*", "a>", "a b", "x".repeat(129))) {
            assertThrows(IllegalArgumentException.class, () -> registry.getService(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> registry.observe(bad, event -> { }), bad);
            assertThrows(IllegalArgumentException.class, () -> Service.builder(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Service.builder("ok").build(), "address is required");
        assertEquals(0, registry.stats().messagesOut());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static List<String> addresses(List<Service> services) {
        return services.stream().map(Service::address).sorted().toList();
    }

    private static void assertMatches(String regex, String actual) {
        assertTrue(actual.matches(regex), "expected /" + regex + "/ but was: " + actual);
    }

}
