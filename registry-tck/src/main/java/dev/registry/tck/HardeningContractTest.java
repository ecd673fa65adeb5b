package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.registry.DropReason;
import dev.registry.Filter;
import dev.registry.Filters;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryOptions;
import dev.registry.RegistryStats;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceNotFoundException;
import dev.registry.Status;
import dev.registry.spi.Pubsub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The hardening contract: what a registry must still do when the people and peers around it misbehave (filters
 * that throw, listeners that block, hostile names and sizes, a Go peer with an odd interval, a stalled bus, a
 * partition) and when it is closed under waiting callers. Written against the public API only; each test runs on
 * the real bus of the transport that extends this class.
 *
 * <p>Timing bounds are for a loaded 2-core machine; every measured figure is printed to stdout as
 * {@code [hardening] <suite> <test>: ...} so a slow run can be told from a broken one.
 */
public abstract class HardeningContractTest extends RegistryTestBase {

    /** Threads of the transports, where no listener, observe filter or future stage may ever run. */
    private static final List<String> TRANSPORT_THREAD_PREFIXES =
            List.of("registry-mem-", "registry-nats-", "registry-redis-", "nats:", "lettuce-");

    /**
     * How soon a cold lookup whose filter throws must fail, with a 2 s lookup timeout: well before the timeout, for
     * every lookup, the collecting ones (getServices, getServicesAsync) too. A throwing filter is a bug to surface
     * when the first answer meets it, not after the wait.
     */
    private static final Duration THROWING_FILTER_BOUND = Duration.ofMillis(1_500);

    private final List<AutoCloseable> ownClosables = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void closeOwnResources() throws Exception {
        pools.forEach(ExecutorService::shutdownNow);
        for (AutoCloseable closeable : ownClosables) {
            closeable.close();
        }
    }

    // ---- 1. filters that throw, and null filters -------------------------------------------------------------

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aThrowingLookupFilterOnAColdNameWithAnInstanceFailsEveryLookupPromptlyWithTheFiltersOwnException() {
        Duration lookupTimeout = Duration.ofSeconds(2);
        Registry owner = registry();
        List<String> names = List.of("boom-get", "boom-find", "boom-all", "boom-async", "boom-all-async");
        names.forEach(name -> owner.register(service(name, "127.0.0.1:1")));
        Registry client = registry(options().lookupTimeout(lookupTimeout).build());
        ThrowingFilter filter = new ThrowingFilter("lookup filter exploded on purpose");

        Map<String, Outcome> outcomes = runTogether(lookupTimeout.plusSeconds(3), lookups(client, names, filter));

        assertAll(promptFilterFailures(outcomes, filter, THROWING_FILTER_BOUND));
        assertTrue(filter.calls() > 0, "the filter ran at least once");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aThrowingDefaultFilterOnAColdNameWithAnInstanceFailsEveryLookupPromptlyWithTheFiltersOwnException() {
        Duration lookupTimeout = Duration.ofSeconds(2);
        Registry owner = registry();
        List<String> names = List.of("dflt-get", "dflt-find", "dflt-all", "dflt-async", "dflt-all-async");
        names.forEach(name -> owner.register(service(name, "127.0.0.1:1")));
        ThrowingFilter filter = new ThrowingFilter("default filter exploded on purpose");
        Registry client = registry(options().lookupTimeout(lookupTimeout).defaultFilter(filter).build());

        Map<String, Outcome> outcomes = runTogether(lookupTimeout.plusSeconds(3), lookups(client, names, null));

        assertAll(promptFilterFailures(outcomes, filter, THROWING_FILTER_BOUND));
        assertTrue(filter.calls() > 0, "the default filter ran at least once");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aThrowingFilterOnAColdNameWithoutInstanceNeverRunsAndTheLookupEndsNotFoundAfterTheLookupTimeout() {
        Duration lookupTimeout = Duration.ofSeconds(2);
        ThrowingFilter lookupFilter = new ThrowingFilter("lookup filter must not run");
        ThrowingFilter defaultFilter = new ThrowingFilter("default filter must not run");
        Registry client = registry(options().lookupTimeout(lookupTimeout).build());
        Registry withDefault = registry(options().lookupTimeout(lookupTimeout).defaultFilter(defaultFilter).build());
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        lookups(client, List.of("none-get", "none-find", "none-all", "none-async", "none-all-async"), lookupFilter)
                .forEach((variant, call) -> calls.put("lookup filter, " + variant, call));
        lookups(withDefault, List.of("none-get", "none-find", "none-all", "none-async", "none-all-async"), null)
                .forEach((variant, call) -> calls.put("default filter, " + variant, call));

        Map<String, Outcome> outcomes = runTogether(lookupTimeout.plusSeconds(3), calls);

        long bound = lookupTimeout.toMillis() + 500;
        List<Executable> checks = new ArrayList<>();
        outcomes.forEach((variant, outcome) -> checks.add(() -> {
            report("cold lookup without instance, " + variant + ": " + outcome);
            assertTrue(outcome.done(), variant + ": still blocked after " + outcome.millis() + " ms");
            assertTrue(outcome.millis() <= bound, variant + ": must end within lookupTimeout + 500 ms = " + bound
                    + " ms, took " + outcome.millis() + " ms");
            assertTrue(outcome.millis() >= lookupTimeout.toMillis() - 100, variant + ": must wait out the lookup timeout"
                    + " (" + lookupTimeout.toMillis() + " ms) before giving up, took " + outcome.millis() + " ms");
            if (variant.endsWith("getService")) {
                assertThrown(ServiceNotFoundException.class, null, outcome.thrown(), variant);
            } else if (variant.endsWith("getServiceAsync")) {
                assertInstanceOf(ExecutionException.class, outcome.thrown(), variant);
                assertThrown(ServiceNotFoundException.class, null, outcome.thrown().getCause(), variant + " (cause)");
            } else if (variant.endsWith("findService")) {
                assertEquals(Optional.empty(), outcome.valueOrRethrow(variant), variant);
            } else {
                assertEquals(List.of(), outcome.valueOrRethrow(variant), variant);
            }
        }));
        assertAll(checks);
        assertEquals(0, lookupFilter.calls() + defaultFilter.calls(), "no instance, so no filter may run");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNullFilterElementIsRejectedAtOnceOnColdAndWarmNames() {
        Registry owner = registry();
        List<String> names = List.of("nul-one", "nul-all", "nul-varargs", "nul-find", "nul-warm");
        names.forEach(name -> owner.register(service(name, "127.0.0.1:1")));
        Registry client = registry();
        Filter passing = Filters.passing();
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        calls.put("cold getService(name, (Filter) null)", () -> client.getService("nul-one", (Filter) null));
        calls.put("cold getServices(name, f, null)", () -> client.getServices("nul-all", passing, null));
        calls.put("cold getService(name, f, null)", () -> client.getService("nul-varargs", passing, null));
        calls.put("cold findService(name, f, null)", () -> client.findService("nul-find", passing, null));
        calls.put("cold getServices(name, f, null) of a name nobody registered", () -> client.getServices("nul-none", passing, null));
        assertEquals("127.0.0.1:1", client.getService("nul-warm").address(), "nul-warm is now cached");
        calls.put("warm getService(name, (Filter) null)", () -> client.getService("nul-warm", (Filter) null));
        calls.put("warm getServices(name, f, null)", () -> client.getServices("nul-warm", passing, null));
        calls.put("warm getService(name, f, null)", () -> client.getService("nul-warm", passing, null));
        calls.put("warm findService(name, f, null)", () -> client.findService("nul-warm", passing, null));

        List<Executable> checks = new ArrayList<>();
        calls.forEach((variant, call) -> {
            Outcome outcome = runTogether(LOOKUP_TIMEOUT.plusSeconds(1), Map.of(variant, call)).get(variant);
            checks.add(() -> {
                report(variant + ": " + outcome);
                assertTrue(outcome.done(), variant + ": still blocked after " + outcome.millis() + " ms");
                assertNotNull(outcome.thrown(), variant + ": must throw at once, but returned " + outcome.value()
                        + " after " + outcome.millis() + " ms");
                assertTrue(outcome.thrown() instanceof NullPointerException || outcome.thrown() instanceof IllegalArgumentException,
                        variant + ": must throw NullPointerException or IllegalArgumentException, but threw " + outcome.thrown());
                assertTrue(outcome.millis() < 100, variant + ": must throw at once (< 100 ms), took " + outcome.millis() + " ms");
            });
        });
        assertAll(checks);
    }

    // ---- 2. cold getServices returns every instance ------------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fiftyConcurrentColdGetServicesCallersEachGetEveryInstanceWhileHeartbeatsArrive() throws Exception {
        Set<String> fleet = startFleet("fleet", 4);
        Registry client = registry(options().dueFactor(50).build());

        // 25 callers released together, and 25 more released together the moment the client cached the first
        // instance: the name is still in its first (cold) lookup, so they too must get every instance.
        List<List<Service>> results = concurrentColdGetServices(client, "fleet", 25, 25, null);

        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Set<String> got = addresses(results.get(i));
            if (!got.equals(fleet)) {
                incomplete.add("caller " + i + (i >= 25 ? " (second wave)" : "") + " got " + got);
            }
        }
        report("50 cold getServices callers: " + (results.size() - incomplete.size()) + " got all 4");
        assertTrue(incomplete.isEmpty(), "every caller must get all of " + fleet + "; " + incomplete.size() + " did not: " + incomplete);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void coldGetServicesCallersGetEveryInstanceThatWasThereBeforeThemWhenAnotherRegistersMeanwhile() throws Exception {
        Set<String> fleet = startFleet("fleet", 4);
        Registry late = registry(options().registerInterval(Duration.ofMillis(20)).build());
        Registry client = registry(options().dueFactor(50).build());

        List<List<Service>> results = concurrentColdGetServices(client, "fleet", 50, 0,
                () -> late.register(service("fleet", "127.0.0.5:5")));

        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Set<String> got = addresses(results.get(i));
            if (!got.containsAll(fleet)) {
                incomplete.add("caller " + i + " got " + got);
            }
        }
        long withFifth = results.stream().filter(result -> addresses(result).contains("127.0.0.5:5")).count();
        report("50 cold getServices callers with a 5th instance registering meanwhile: " + (results.size() - incomplete.size())
                + " got the 4 earlier ones, " + withFifth + " also the 5th");
        assertTrue(incomplete.isEmpty(), "every caller must get at least " + fleet + "; " + incomplete.size() + " did not: " + incomplete);
    }

    // ---- 3. names ------------------------------------------------------------------------------------

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void unicodeServiceNamesRegisterAndAreFoundAndObservedByAnotherRegistry() {
        List<String> names = List.of("café", "服务", "Ñandú", "emoji😀");
        Registry observer = registry();
        Map<String, EventRecorder> recorders = new LinkedHashMap<>();
        names.forEach(name -> {
            EventRecorder events = new EventRecorder();
            observer.observe(name, events);
            recorders.put(name, events);
        });
        Registry owner = registry();
        for (int i = 0; i < names.size(); i++) {
            owner.register(service(names.get(i), "127.0.0.1:" + (i + 1)));
        }

        Registry finder = registry();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String address = "127.0.0.1:" + (i + 1);
            Service found = finder.getService(name);
            assertEquals(name, found.name());
            assertEquals(address, found.address(), name);
            ServiceEvent event = recorders.get(name).await(ServiceEvent.Type.REGISTERED, address);
            assertEquals(name, event.name());
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void namesWithInvisibleSpacesControlCharactersOrLoneSurrogatesAreRejectedWithAMessageNamingTheProblem() {
        Map<String, List<String>> badNames = new LinkedHashMap<>();
        badNames.put("no\u00A0break", List.of("u+00a0", "no-break", "nbsp", "space"));
        badNames.put("em\u2003space", List.of("u+2003", "space"));
        badNames.put("zero\u200Bwidth", List.of("u+200b", "zero-width", "zero width", "invisible", "format"));
        badNames.put("next\u0085line", List.of("u+0085", "control", "line", "space"));
        badNames.put("tab\tname", List.of("u+0009", "tab", "control", "space"));
        badNames.put("lone\uD800high", List.of("u+d800", "surrogate", "unpaired", "utf"));
        badNames.put("lone\uDC00low", List.of("u+dc00", "surrogate", "unpaired", "utf"));
        Registry registry = registry(options().lookupTimeout(Duration.ofMillis(100)).build());

        List<Executable> checks = new ArrayList<>();
        badNames.forEach((bad, problemWords) -> {
            String shown = visible(bad);
            checks.add(() -> assertRejected("Service.builder(" + shown + ").address(..).build()", problemWords,
                    () -> Service.builder(bad).address("127.0.0.1:1").build()));
            checks.add(() -> assertRejected("getService(" + shown + ")", problemWords, () -> registry.getService(bad)));
        });
        assertAll(checks);
        assertEquals(0, registry.stats().messagesOut(), "nothing published for a rejected name");
    }

    // ---- 4. listeners that block, and where listeners run ------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBlockedListenerDelaysNeitherOtherNamesEventsNorAsyncLookupsAndShowsAsListenerBacklog() throws Exception {
        Registry client = registry();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ServiceEvent> slowEvents = new CopyOnWriteArrayList<>();
        client.observe("slow", event -> {
            slowEvents.add(event);
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        EventRecorder fast = new EventRecorder();
        client.observe("fast", fast);
        Registry owner = registry();
        Registry third = registry();
        third.register(service("third", "127.0.0.3:3"));
        try {
            owner.register(service("slow", "127.0.0.1:1"));
            Await.until("the slow listener is blocked in its first event", () -> entered.getCount() == 0);
            owner.register(service("slow", "127.0.0.1:2")); // queued behind the blocked event

            long sent = System.nanoTime();
            owner.register(service("fast", "127.0.0.2:1"));
            boolean fastArrived = awaitQuietly(Duration.ofSeconds(5), () -> !fast.events().isEmpty());
            long fastMillis = millisSince(sent);
            report("event of 'fast' while 'slow' is blocked: " + (fastArrived ? fastMillis + " ms" : "not within 5000 ms"));
            assertTrue(fastArrived && fastMillis < 2_000,
                    "an event of 'fast' must reach its listener within 2 s while a listener of 'slow' blocks; took "
                            + (fastArrived ? fastMillis + " ms" : "more than 5000 ms"));

            long asked = System.nanoTime();
            CompletableFuture<Service> lookup = client.getServiceAsync("third");
            Service found = waitFor(lookup, Duration.ofSeconds(5));
            long lookupMillis = millisSince(asked);
            report("cold getServiceAsync while 'slow' is blocked: " + (found != null ? lookupMillis + " ms" : "not within 5000 ms"));
            assertTrue(found != null && lookupMillis < 2_000,
                    "a cold getServiceAsync must complete within 2 s while a listener blocks; took "
                            + (found != null ? lookupMillis + " ms" : "more than 5000 ms"));
            assertEquals("127.0.0.3:3", found.address());

            awaitStats(client, "listenerBacklog > 0 while the slow listener blocks with an event queued behind it",
                    stats -> stats.listenerBacklog() > 0);
            report("listenerBacklog while blocked: " + client.stats().listenerBacklog());
        } finally {
            release.countDown();
        }
        Await.until("the slow listener got its queued event", () -> slowEvents.size() == 2);
        awaitStats(client, "listenerBacklog back to 0 after the release", stats -> stats.listenerBacklog() == 0);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withACallerRunsListenerExecutorListenersWatchersAndObserveFiltersNeverRunOnATransportThread() {
        List<String> filterThreads = new CopyOnWriteArrayList<>();
        List<String> watcherThreads = new CopyOnWriteArrayList<>();
        Registry client = registry(options().listenerExecutor(Runnable::run).observeFilter(service -> {
            filterThreads.add(Thread.currentThread().getName());
            return true;
        }).build());
        EventRecorder named = new EventRecorder();
        EventRecorder all = new EventRecorder();
        client.observe("direct", named);
        client.observeAll(all);
        client.watch("direct", list -> watcherThreads.add(Thread.currentThread().getName()));

        Registration registration = registry().register(service("direct", "127.0.0.1:1"));
        named.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        registration.setStatus(Status.WARNING);
        named.await(ServiceEvent.Type.UPDATED, "127.0.0.1:1");
        registration.unregister();
        named.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        all.await(ServiceEvent.Type.UNREGISTERED, "127.0.0.1:1");
        Await.until("the watcher was called", () -> !watcherThreads.isEmpty());

        Map<String, List<String>> threads = new LinkedHashMap<>();
        threads.put("observe listener", named.threads());
        threads.put("observeAll listener", all.threads());
        threads.put("watcher", List.copyOf(watcherThreads));
        threads.put("observe filter", List.copyOf(filterThreads));
        report("threads with listenerExecutor(Runnable::run): " + threads.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + new TreeSet<>(entry.getValue())).collect(Collectors.joining(", ")));
        List<Executable> checks = new ArrayList<>();
        threads.forEach((role, names) -> checks.add(() -> {
            assertFalse(names.isEmpty(), role + " never ran");
            List<String> onTransport = names.stream()
                    .filter(thread -> TRANSPORT_THREAD_PREFIXES.stream().anyMatch(thread::startsWith)).distinct().toList();
            assertTrue(onTransport.isEmpty(), role + " ran on the transport's thread(s) " + onTransport
                    + ": with a caller-runs executor it must be handed over from a registry thread");
        }));
        assertAll(checks);
    }

    // ---- 5. close() releases every waiter -------------------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void closeReleasesEveryWaiterAtOnceWithRegistryClosedExceptionAndRefusesLaterCalls() throws Exception {
        Registry client = registry(options().lookupTimeout(Duration.ofSeconds(30)).build());
        ExecutorService pool = pool(2);
        AtomicLong awaitEnded = new AtomicLong();
        AtomicLong getEnded = new AtomicLong();
        List<Thread> waiting = new CopyOnWriteArrayList<>();
        Future<?> await = pool.submit(() -> {
            waiting.add(Thread.currentThread());
            try {
                client.await(Duration.ofSeconds(30), "never-registered");
                return "returned";
            } finally {
                awaitEnded.set(System.nanoTime());
            }
        });
        Future<?> get = pool.submit(() -> {
            waiting.add(Thread.currentThread());
            try {
                return client.getService("nobody-sync");
            } finally {
                getEnded.set(System.nanoTime());
            }
        });
        CompletableFuture<Service> async = client.getServiceAsync("nobody-async");
        AtomicLong asyncEnded = new AtomicLong();
        async.whenComplete((service, failure) -> asyncEnded.set(System.nanoTime()));
        Await.until("both callers wait in the registry and every name is observed", () -> waiting.size() == 2
                && waiting.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING
                        || thread.getState() == Thread.State.TIMED_WAITING)
                && client.observedNames().containsAll(List.of("never-registered", "nobody-sync", "nobody-async")));
        assertFalse(async.isDone(), "nothing answers nobody-async");

        long closing = System.nanoTime();
        client.close();
        long closeMillis = millisSince(closing);

        Throwable awaitFailure = failureOf(await, Duration.ofSeconds(3));
        Throwable getFailure = failureOf(get, Duration.ofSeconds(3));
        Throwable asyncFailure = failureOf(async, Duration.ofSeconds(3));
        report("close() took " + closeMillis + " ms; released await after " + sinceOrNever(closing, awaitEnded)
                + ", getService after " + sinceOrNever(closing, getEnded) + ", getServiceAsync after "
                + sinceOrNever(closing, asyncEnded));
        assertAll(
                () -> assertReleased("await(30 s, never-registered)", awaitFailure, closing, awaitEnded),
                () -> assertReleased("getService(nobody-sync) with a 30 s lookup timeout", getFailure, closing, getEnded),
                () -> assertReleased("getServiceAsync(nobody-async)", asyncFailure, closing, asyncEnded),
                () -> assertClosed("register", () -> client.register(service("late", "127.0.0.1:1"))),
                () -> assertClosed("getService", () -> client.getService("late")),
                () -> assertClosed("getServices", () -> client.getServices("late")),
                () -> assertClosed("observe", () -> client.observe("late", event -> { })),
                () -> assertClosed("watch", () -> client.watch("late", list -> { })),
                () -> assertClosed("await", () -> client.await(Duration.ofSeconds(1), "late")));
    }

    // ---- 6. oversized services -------------------------------------------------------------------------

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void registerRefusesAServiceLargerThanMaxMessageSizeSayingHowLargeAndPublishesNothing() throws Exception {
        Registry owner = registry();
        int limit = owner.options().maxMessageSize();
        assertEquals(65_536, limit, "the default maxMessageSize");
        CountDownLatch published = new CountDownLatch(1);
        raw().subscribe(topic("register", "big"), (topic, payload) -> published.countDown());

        List<Executable> checks = new ArrayList<>();
        for (int size : List.of(100_000, 2_000_000)) {
            Service big = Service.builder("big").address("127.0.0.1:" + (size / 100_000)).kv("blob", "x".repeat(size)).build();
            checks.add(() -> {
                long start = System.nanoTime();
                IllegalArgumentException refused = assertThrowsExactly(IllegalArgumentException.class,
                        () -> owner.register(big), "register of a service with a " + size + "-byte kv value");
                report("register of a " + size + "-byte kv value refused in " + millisSince(start) + " ms: " + refused.getMessage());
                List<Long> numbers = numbersIn(refused.getMessage());
                assertTrue(numbers.stream().anyMatch(n -> n >= size && n <= size + 4_096),
                        "the message must hold the encoded size (a little over " + size + " bytes): " + refused.getMessage());
                assertTrue(numbers.contains((long) limit), "the message must hold the limit " + limit + ": " + refused.getMessage());
            });
        }
        assertAll(checks);
        assertFalse(published.await(300, TimeUnit.MILLISECONDS), "a refused service must not reach the bus");
        assertEquals(0, owner.stats().messagesOut(), "nothing published");
        assertTrue(owner.registrations().isEmpty(), "no registration left behind: " + owner.registrations());
    }

    // ---- 7. Go peers with long register intervals ---------------------------------------------------------

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aGoPeerWithARegisterIntervalOf48HoursOrLongMaxValueIsAcceptedAndDoesNotExpire() {
        Registry client = registry(options().dueCheckPeriod(Duration.ofMillis(20)).build());
        Pubsub goPeer = raw();
        Map<String, Long> intervals = new LinkedHashMap<>();
        intervals.put("go-48h", 172_800_000L);
        intervals.put("go-forever", Long.MAX_VALUE);
        Map<String, EventRecorder> recorders = new LinkedHashMap<>();
        intervals.forEach((name, interval) -> {
            goPeer.subscribe(topic("ping", name), (topic, payload) ->
                    goPeer.publish(topic("register", name), goRegister(name, "127.0.0.1:48", interval, "")));
            EventRecorder events = new EventRecorder();
            client.observe(name, events);
            recorders.put(name, events);
        });

        List<Executable> checks = new ArrayList<>();
        intervals.forEach((name, interval) -> checks.add(() -> {
            Optional<Service> found = client.findService(name);
            assertTrue(found.isPresent(), name + " (Duration " + interval + " ms) must be found; dropped so far: "
                    + client.stats().dropped());
            assertEquals("127.0.0.1:48", found.get().address());
        }));
        assertAll(checks);
        // An instance is visible to lookups from inside the cache's update, a moment before the cache counts it.
        Await.until("both counted in the cache", () -> client.stats().cacheSize() == 2);
        Await.holdsFor(Duration.ofMillis(300), () -> "neither long-lived instance may expire; events: "
                + recorders.values().stream().map(EventRecorder::events).toList() + ", cache size " + client.stats().cacheSize(),
                () -> recorders.values().stream().allMatch(events -> events.of(ServiceEvent.Type.EXPIRED).isEmpty()) && client.stats().cacheSize() == 2);
        assertEquals(0L, client.stats().dropped().get(DropReason.BAD_DURATION), client.stats().dropped().toString());
    }

    // ---- 8. timing reads the injected ticker -------------------------------------------------------------

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void heartbeatsFollowTheInjectedTickerNotTheWallClock() {
        FakeTicker ticker = new FakeTicker();
        AtomicInteger messages = new AtomicInteger();
        raw().subscribe(topic("register", "beat"), (topic, payload) -> messages.incrementAndGet());
        // A long stall threshold: advancing the ticker must not look like a stalled bus (whose end re-announces).
        Registry owner = registry(options().ticker(ticker).registerInterval(Duration.ofSeconds(1))
                .stallThreshold(Duration.ofMinutes(10)).build());

        owner.register(service("beat", "127.0.0.1:1"));
        Await.until("the initial register message", () -> messages.get() == 1);
        long still = System.nanoTime();
        Await.holdsFor(Duration.ofSeconds(2), () -> "no heartbeat may be published while the ticker stands still, but after "
                + millisSince(still) + " ms of real time there were " + messages.get() + " register messages",
                () -> messages.get() == 1);

        long advanced = System.nanoTime();
        ticker.advance(Duration.ofSeconds(1));
        boolean beat = awaitQuietly(Duration.ofSeconds(3), () -> messages.get() >= 2);
        long beatMillis = millisSince(advanced);
        report("heartbeat after advancing the ticker by 1 s: " + (beat ? beatMillis + " ms" : "none within 3000 ms"));
        assertTrue(beat && beatMillis < 1_000, "a heartbeat must follow within 1 s once the ticker passed the interval; "
                + (beat ? "took " + beatMillis + " ms" : "none within 3000 ms"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theBusWatchdogMeasuresTheStallOnTheInjectedTickerAndPausesExpiryUntilTheBusAnswers() {
        FakeTicker ticker = new FakeTicker();
        StallablePubsub bus = new StallablePubsub(newPubsub());
        // The stall threshold is 5 s of ticker time, and the test keeps the bus stalled well under 5 s of real time:
        // only a watchdog reading the ticker can call this bus stalled.
        Registry observer = own(Registry.connect(bus, options().ticker(ticker).watchdogPeriod(Duration.ofMillis(10))
                .stallThreshold(Duration.ofSeconds(5)).dueCheckPeriod(Duration.ofMillis(20)).build()));
        EventRecorder events = new EventRecorder();
        observer.observe("stalled", events);
        raw().publish(topic("register", "stalled"), goRegister("stalled", "127.0.0.1:1", 10_000, "")); // due after 15 s
        events.await(ServiceEvent.Type.REGISTERED, "127.0.0.1:1");
        long answered = bus.answeredRoundTrips();
        Await.until("the watchdog probes a live bus", () -> bus.answeredRoundTrips() >= answered + 2);

        long stalledAt = System.nanoTime();
        bus.stall();
        ticker.advance(Duration.ofSeconds(6)); // past the stall threshold, not past the instance's due time
        long refused = bus.refusedRoundTrips();
        Await.until("two probes of the stalled bus after the ticker moved", () -> bus.refusedRoundTrips() >= refused + 2);
        ticker.advance(Duration.ofSeconds(20)); // past the due time, had expiry not paused
        Await.holdsFor(Duration.ofMillis(500), () -> "the instance must not expire while the bus is stalled (events: "
                + events.events() + ")", () -> events.of(ServiceEvent.Type.EXPIRED).isEmpty());
        report("stalled for " + millisSince(stalledAt) + " ms of real time (threshold: 5000 ms of ticker time); no expiry");

        bus.unstall();
        long back = bus.answeredRoundTrips();
        Await.until("the watchdog sees the bus answer again", () -> bus.answeredRoundTrips() >= back + 2);
        assertEquals(1, observer.stats().cacheSize(), "still cached when the bus is back");
        ticker.advance(Duration.ofSeconds(60));
        events.await(ServiceEvent.Type.EXPIRED, "127.0.0.1:1");
    }

    // ---- 9. the expiry brake -----------------------------------------------------------------------------

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theExpiryBrakeHoldsAMassExpiryReleasesWhatIsHeardAgainAndExpiresTheRestAfterTheMaxHold() {
        FakeTicker ticker = new FakeTicker();
        Registry client = registry(brakeOptions(ticker).expiryBrakeMaxHold(Duration.ofSeconds(5)).build());
        EventRecorder events = new EventRecorder();
        Pubsub goPeers = raw();
        List<String> herd = enterHerd(client, events, goPeers);

        ticker.advance(Duration.ofSeconds(2)); // every instance is past its due time of 1.5 s
        Await.holdsFor(Duration.ofMillis(500), () -> "no instance may expire while the brake holds the mass expiry, but "
                + events.of(ServiceEvent.Type.EXPIRED).size() + " of 10 did (stats: " + client.stats() + ")",
                () -> events.of(ServiceEvent.Type.EXPIRED).isEmpty());
        awaitStats(client, "10 expiries held by 1 engagement", stats -> stats.expiriesHeld() == 10 && stats.expiryBrakeEngagements() == 1);

        String kept = herd.get(0);
        sendRegister(client, goPeers, "herd", kept);
        awaitStats(client, "9 expiries held once " + kept + " is heard again", stats -> stats.expiriesHeld() == 9);

        for (int second = 0; second < 6; second++) { // past the 5 s max hold; the kept instance beats every second
            sendRegister(client, goPeers, "herd", kept);
            ticker.advance(Duration.ofSeconds(1));
        }
        if (!awaitQuietly(Await.DEFAULT, () -> events.of(ServiceEvent.Type.EXPIRED).size() >= 9)) {
            fail("the 9 held instances must expire after the max hold, but " + events.of(ServiceEvent.Type.EXPIRED).size()
                    + " did (stats now: " + client.stats() + ")");
        }
        Set<String> expired = addresses(events.of(ServiceEvent.Type.EXPIRED).stream().map(ServiceEvent::service).toList());
        assertEquals(new TreeSet<>(herd.subList(1, 10)), expired, "exactly the 9 silent instances expire");
        assertEquals(List.of(kept), client.getServices("herd").stream().map(Service::address).toList());
        awaitStats(client, "nothing held any more", stats -> stats.expiriesHeld() == 0);
        report("expiry brake: " + client.stats());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFewSilentInstancesExpireNormallyWithoutEngagingTheExpiryBrake() {
        FakeTicker ticker = new FakeTicker();
        Registry client = registry(brakeOptions(ticker).expiryBrakeMaxHold(Duration.ofSeconds(5)).build());
        EventRecorder events = new EventRecorder();
        Pubsub goPeers = raw();
        List<String> herd = enterHerd(client, events, goPeers);
        List<String> beating = herd.subList(0, 8);

        // The last 2 go silent together, the 8 others beat every second. Two hosts silent at once may be the start
        // of a partition's wave, so their expiry is deferred by at most one interval (1 s) past their due time.
        for (int second = 0; second < 3; second++) {
            beating.forEach(address -> sendRegister(client, goPeers, "herd", address));
            ticker.advance(Duration.ofSeconds(1));
        }
        Await.until("the 2 silent instances expire", () -> events.of(ServiceEvent.Type.EXPIRED).size() >= 2);
        Await.holdsFor(Duration.ofMillis(300), () -> "only the 2 silent instances may expire: "
                + events.of(ServiceEvent.Type.EXPIRED), () -> events.of(ServiceEvent.Type.EXPIRED).size() == 2);
        assertEquals(new TreeSet<>(herd.subList(8, 10)),
                addresses(events.of(ServiceEvent.Type.EXPIRED).stream().map(ServiceEvent::service).toList()));
        RegistryStats stats = client.stats();
        report("2 of 10 silent: " + stats);
        assertEquals(0, stats.expiryBrakeEngagements(), "2 of 10 is no mass expiry");
        assertEquals(0, stats.expiriesHeld());
        assertEquals(8, client.getServices("herd").size());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void withNoExpiryBrakeAMassExpiryHappensOnTime() {
        FakeTicker ticker = new FakeTicker();
        Registry client = registry(brakeOptions(ticker).noExpiryBrake().build());
        EventRecorder events = new EventRecorder();
        Pubsub goPeers = raw();
        List<String> herd = enterHerd(client, events, goPeers);

        ticker.advance(Duration.ofSeconds(2));
        Await.until("all 10 expire on time", () -> events.of(ServiceEvent.Type.EXPIRED).size() == 10);
        RegistryStats stats = client.stats();
        report("no expiry brake: " + stats);
        assertEquals(0, stats.expiryBrakeEngagements());
        assertEquals(0, stats.expiriesHeld());
    }

    // ---- helpers: lookups and outcomes ----------------------------------------------------------------

    /** A filter that counts its calls and throws its own exception, as a buggy user filter does. */
    private static final class ThrowingFilter implements Filter {
        private final String message;
        private final AtomicInteger calls = new AtomicInteger();

        ThrowingFilter(String message) {
            this.message = message;
        }

        @Override
        public List<Service> apply(List<Service> instances) {
            calls.incrementAndGet();
            throw new FilterFailure(message);
        }

        int calls() {
            return calls.get();
        }
    }

    /** The exception of {@link ThrowingFilter}: a class of the test's own, so it cannot be confused with the registry's. */
    static final class FilterFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FilterFailure(String message) {
            super(message);
        }
    }

    /**
     * The five lookups, each on its own name (so each is cold): getService, findService, getServices,
     * getServiceAsync(...).get(), getServicesAsync(...).get(). With {@code filter} null, no lookup filter is passed.
     */
    private static Map<String, Callable<Object>> lookups(Registry registry, List<String> names, Filter filter) {
        Filter[] filters = filter == null ? new Filter[0] : new Filter[] {filter};
        Map<String, Callable<Object>> calls = new LinkedHashMap<>();
        calls.put(names.get(0) + " getService", () -> filter == null ? registry.getService(names.get(0))
                : registry.getService(names.get(0), filter));
        calls.put(names.get(1) + " findService", () -> registry.findService(names.get(1), filters));
        calls.put(names.get(2) + " getServices", () -> registry.getServices(names.get(2), filters));
        calls.put(names.get(3) + " getServiceAsync", () -> registry.getServiceAsync(names.get(3), filters).get(30, TimeUnit.SECONDS));
        calls.put(names.get(4) + " getServicesAsync", () -> registry.getServicesAsync(names.get(4), filters).get(30, TimeUnit.SECONDS));
        return calls;
    }

    /** Checks that every outcome failed with {@code filter}'s own exception within {@code bound}. */
    private List<Executable> promptFilterFailures(Map<String, Outcome> outcomes, ThrowingFilter filter, Duration bound) {
        List<Executable> checks = new ArrayList<>();
        outcomes.forEach((variant, outcome) -> checks.add(() -> {
            report("cold lookup with a throwing filter, " + variant + ": " + outcome);
            assertTrue(outcome.done(), variant + ": still blocked after " + outcome.millis()
                    + " ms: the filter's exception was lost and the lookup hangs");
            assertTrue(outcome.millis() < bound.toMillis(), variant + ": must fail within " + bound.toMillis()
                    + " ms (well before the lookup timeout), took " + outcome.millis() + " ms");
            if (variant.endsWith("Async")) {
                assertInstanceOf(ExecutionException.class, outcome.thrown(), variant + ": the future must fail");
                assertThrown(FilterFailure.class, filter.message, outcome.thrown().getCause(), variant + " (cause)");
            } else {
                assertThrown(FilterFailure.class, filter.message, outcome.thrown(), variant);
            }
        }));
        return checks;
    }

    /** What one call did: its duration, and its value or exception; not done if it was still running. */
    record Outcome(boolean done, long millis, Object value, Throwable thrown) {
        Object valueOrRethrow(String variant) {
            if (thrown != null) {
                throw new AssertionError(variant + ": threw " + thrown, thrown);
            }
            return value;
        }

        @Override
        public String toString() {
            return !done ? "still running after " + millis + " ms"
                    : millis + " ms, " + (thrown != null ? "threw " + thrown : "returned " + value);
        }
    }

    /**
     * Starts every call on a thread of its own, releases them together, and waits up to {@code waitAtMost} for
     * them all; a call that has not ended by then is reported as not done (and interrupted at the end of the test).
     */
    private Map<String, Outcome> runTogether(Duration waitAtMost, Map<String, Callable<Object>> calls) {
        ExecutorService pool = pool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Future<Outcome>> running = new LinkedHashMap<>();
        calls.forEach((variant, call) -> running.put(variant, pool.submit(() -> {
            go.await();
            long start = System.nanoTime();
            try {
                Object value = call.call();
                return new Outcome(true, millisSince(start), value, null);
            } catch (Exception | Error failure) {
                return new Outcome(true, millisSince(start), null, failure);
            }
        })));
        long started = System.nanoTime();
        go.countDown();
        long deadline = started + waitAtMost.toNanos();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        running.forEach((variant, future) -> {
            try {
                outcomes.put(variant, future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException stillRunning) {
                outcomes.put(variant, new Outcome(false, millisSince(started), null, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } catch (ExecutionException impossible) {
                throw new AssertionError(impossible.getCause());
            }
        });
        return outcomes;
    }

    private static void assertThrown(Class<? extends Throwable> type, String message, Throwable thrown, String what) {
        assertNotNull(thrown, what + ": must throw " + type.getSimpleName());
        if (thrown.getClass() != type) {
            throw new AssertionError(what + ": must throw " + type.getName() + (message == null ? "" : "('" + message + "')")
                    + " itself, but threw " + thrown, thrown);
        }
        if (message != null) {
            assertEquals(message, thrown.getMessage(), what + ": the filter's own message");
        }
    }

    private static void assertInstanceOf(Class<?> type, Throwable thrown, String what) {
        if (!type.isInstance(thrown)) {
            throw new AssertionError(what + ": expected " + type.getSimpleName() + " but got " + thrown, thrown);
        }
    }

    private static <T extends Throwable> T assertThrowsExactly(Class<T> type, Executable call, String what) {
        try {
            call.execute();
        } catch (Throwable thrown) {
            if (thrown.getClass() == type) {
                return type.cast(thrown);
            }
            throw new AssertionError(what + ": expected " + type.getSimpleName() + " but threw " + thrown, thrown);
        }
        throw new AssertionError(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
    }

    private static void assertRejected(String what, List<String> problemWords, Executable call) {
        IllegalArgumentException rejected = null;
        try {
            call.execute();
        } catch (IllegalArgumentException expected) {
            rejected = expected;
        } catch (Throwable other) {
            throw new AssertionError(what + " must be rejected with IllegalArgumentException, but threw " + other, other);
        }
        if (rejected == null) {
            fail(what + " must be rejected with IllegalArgumentException, but was accepted");
        }
        String message = String.valueOf(rejected.getMessage()).toLowerCase(Locale.ROOT);
        assertTrue(message.contains("name") && problemWords.stream().anyMatch(message::contains),
                what + ": the message must say the name is wrong and why (one of " + problemWords + "): " + rejected.getMessage());
    }

    private static void assertClosed(String call, Executable executable) {
        try {
            executable.execute();
        } catch (RegistryClosedException expected) {
            return;
        } catch (Throwable other) {
            throw new AssertionError(call + " on a closed registry must throw RegistryClosedException, but threw " + other, other);
        }
        throw new AssertionError(call + " on a closed registry must throw RegistryClosedException, but returned");
    }

    private static void assertReleased(String waiter, Throwable failure, long closing, AtomicLong ended) {
        assertNotNull(failure, waiter + ": must end with RegistryClosedException when the registry closes");
        if (failure instanceof TimeoutException) {
            fail(waiter + ": still waiting 3 s after close()");
        }
        Throwable cause = failure instanceof ExecutionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof RegistryClosedException)) {
            throw new AssertionError(waiter + ": must end with RegistryClosedException, but ended with " + cause, cause);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(ended.get() - closing);
        assertTrue(ended.get() != 0 && millis < 1_000, waiter + ": must be released within 1 s of close(), took " + millis + " ms");
    }

    /** The exception {@code future} failed with (its ExecutionException), a TimeoutException if it did not end, or null. */
    private static Throwable failureOf(Future<?> future, Duration wait) {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException failed) {
            return failed;
        } catch (TimeoutException stillWaiting) {
            return stillWaiting;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.CancellationException cancelled) {
            return cancelled;
        }
    }

    private static <T> T waitFor(CompletableFuture<T> future, Duration wait) throws Exception {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
            return null;
        }
    }

    // ---- helpers: fleets, herds, waiting -------------------------------------------------------------

    /** {@code count} instances of {@code name}, each registered by a registry of its own beating every 20 ms. */
    private Set<String> startFleet(String name, int count) {
        Set<String> addresses = new TreeSet<>();
        for (int i = 1; i <= count; i++) {
            String address = "127.0.0." + i + ":" + i;
            registry(options().registerInterval(Duration.ofMillis(20)).build()).register(service(name, address));
            addresses.add(address);
        }
        Registry probe = registry(options().dueFactor(50).build());
        Await.until("the " + count + " instances of " + name + " are on the bus", () -> probe.getServices(name).size() == count);
        return addresses;
    }

    /**
     * {@code callers} threads call getServices(name) on {@code client}, released together; {@code meanwhile} runs
     * just after. Then {@code lateCallers} more, released together as soon as the client has cached its first
     * instance of the name (an answer or a heartbeat), while the first callers' cold lookup still collects.
     */
    private List<List<Service>> concurrentColdGetServices(Registry client, String name, int callers, int lateCallers,
                                                          Runnable meanwhile) throws Exception {
        ExecutorService pool = pool(callers + lateCallers);
        CountDownLatch ready = new CountDownLatch(callers + lateCallers);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch lateGo = new CountDownLatch(1);
        List<Future<List<Service>>> lookups = new ArrayList<>();
        for (int i = 0; i < callers + lateCallers; i++) {
            CountDownLatch gate = i < callers ? go : lateGo;
            lookups.add(pool.submit(() -> {
                ready.countDown();
                gate.await();
                return client.getServices(name);
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS), "callers ready");
        long start = System.nanoTime();
        go.countDown();
        if (meanwhile != null) {
            meanwhile.run();
        }
        if (lateCallers > 0) {
            // Spins rather than polls, so the second wave starts within microseconds of the first instance cached.
            long deadline = System.nanoTime() + Await.DEFAULT.toNanos();
            while (client.stats().cacheSize() == 0) {
                assertTrue(System.nanoTime() - deadline < 0, "no answer reached the client within " + Await.DEFAULT);
                Thread.onSpinWait();
            }
            lateGo.countDown();
            report(lateCallers + " late callers released " + millisSince(start) + " ms after the first " + callers
                    + ", with " + client.stats().cacheSize() + " instance(s) cached");
        }
        List<List<Service>> results = new ArrayList<>();
        for (Future<List<Service>> lookup : lookups) {
            results.add(lookup.get(30, TimeUnit.SECONDS));
        }
        report((callers + lateCallers) + " cold getServices callers done in " + millisSince(start) + " ms");
        return results;
    }

    private RegistryOptions.Builder brakeOptions(FakeTicker ticker) {
        // A long stall threshold: advancing the ticker must not look like a stalled bus, so the brake (not the
        // watchdog) is what holds expiries here.
        return options().ticker(ticker).dueFactor(1.5).dueCheckPeriod(Duration.ofMillis(20))
                .stallThreshold(Duration.ofMinutes(10));
    }

    /** {@code size} instances, each on a host of its own. */
    /** Ten instances of "herd" announced by Go peers, each on its own host, observed by {@code events} and cached. */
    private List<String> enterHerd(Registry client, EventRecorder events, Pubsub goPeers) {
        client.observe("herd", events);
        List<String> herd = herd(10);
        herd.forEach(address -> sendRegister(client, goPeers, "herd", address));
        herd.forEach(address -> events.await(ServiceEvent.Type.REGISTERED, address));
        return herd;
    }

    private static List<String> herd(int size) {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            addresses.add("10.0.0." + (10 + i) + ":1");
        }
        return addresses;
    }

    /**
     * Publishes a Go-style register (Duration 1000 ms) from a host of the instance's own (the expiry brake counts
     * hosts, so a herd of instances on one host would be one crash, not a partition), and waits until
     * {@code client} has received it.
     */
    private void sendRegister(Registry client, Pubsub goPeer, String name, String address) {
        long before = client.stats().messagesIn();
        String host = "go-host-" + address.substring(0, address.indexOf(':'));
        goPeer.publish(topic("register", name), ("{\"add\":\"" + address + "\",\"name\":\"" + name + "\",\"h\":\"" + host
                + "\",\"t\":{\"Registered\":" + System.currentTimeMillis() + ",\"Duration\":1000}}").getBytes(StandardCharsets.UTF_8));
        Await.until("the register of " + address + " arrived", () -> client.stats().messagesIn() > before);
    }

    private static void awaitStats(Registry registry, String what, Function<RegistryStats, Boolean> condition) {
        if (!awaitQuietly(Await.DEFAULT, () -> condition.apply(registry.stats()))) {
            fail("timed out after " + Await.DEFAULT.toMillis() + " ms waiting for: " + what + " (stats now: " + registry.stats() + ")");
        }
    }

    /** Whether {@code condition} came to hold within {@code timeout}. */
    private static boolean awaitQuietly(Duration timeout, BooleanSupplier condition) {
        try {
            Await.until("", timeout, condition);
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    private ExecutorService pool(int threads) {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "hardening-caller-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        return pool;
    }

    private Registry own(Registry registry) {
        ownClosables.add(registry);
        return registry;
    }

    private static Set<String> addresses(List<Service> services) {
        return services.stream().map(Service::address).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Long> numbersIn(String message) {
        List<Long> numbers = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\d{1,3}(?:[,_]\\d{3})+|\\d+").matcher(String.valueOf(message));
        while (matcher.find()) {
            numbers.add(Long.parseLong(matcher.group().replaceAll("[,_]", "")));
        }
        return numbers;
    }

    private static String visible(String name) {
        StringBuilder shown = new StringBuilder("\"");
        name.chars().forEach(c -> shown.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return shown.append('"').toString();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static String sinceOrNever(long start, AtomicLong end) {
        return end.get() == 0 ? "never (yet)" : TimeUnit.NANOSECONDS.toMillis(end.get() - start) + " ms";
    }

    private void report(String line) {
        System.out.println("[hardening] " + getClass().getSimpleName() + " " + line);
    }
}
