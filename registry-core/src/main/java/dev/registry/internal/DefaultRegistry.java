package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.Filters;
import dev.registry.HealthCheck;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryOptions;
import dev.registry.RegistryStats;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import dev.registry.ServiceNotFoundException;
import dev.registry.Subscription;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.Pubsub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Registry} implementation: wires the cache, the own registrations and their heartbeats, the
 * lookups and the listeners to one {@link Pubsub}.
 *
 * <p>Threads, all daemons named {@code registry-<role>-<id>}, all ended by {@link #close()}:
 * <ul>
 *   <li>{@code scheduler}: timers only (heartbeat tick, due-check sweep, name sweep, lookup timeouts, ping
 *       answers, re-announces); it never waits on the bus or runs user code.</li>
 *   <li>{@code io}: every subscribe and unsubscribe that may wait for the bus (on a transport that orders
 *       publishes after subscriptions, a lookup hands its name's subscriptions over on its own thread, unconfirmed,
 *       which never waits).</li>
 *   <li>{@code events}: an {@link ElasticExecutor} for user code (listeners in per-name lanes, watchers, async
 *       lookups' completions, observe filters), growing when all its threads are stuck.</li>
 *   <li>{@code watchdog}: the bus round-trip probe; {@code health}: health-check probes.</li>
 * </ul>
 * Transport threads only decode messages and update the cache, which enqueues events; no I/O happens under a
 * lock, and every public call is bounded (see {@link Registry}).
 */
public final class DefaultRegistry implements Registry {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRegistry.class);
    private static final byte[] EMPTY = new byte[0];
    private static final Filter[] NO_FILTERS = {};
    private static final Filter LOAD_BALANCE = Filters.loadBalance();
    private static final long ELASTIC_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Pubsub pubsub;
    private final RegistryOptions options;
    private final Topics topics;
    private final WireCodec codec;
    private final MessageSigner signer;
    private final RegistryCounters counters = new RegistryCounters();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService io;
    private final ElasticExecutor events;
    private final LongAdder listenerBacklog = new LongAdder();
    private final NameTable names;
    private final BusClock clock;
    private final EventDispatcher dispatcher = new EventDispatcher();
    private final InstanceCache cache;
    private final OwnRegistrations own;
    private final RegistrationAnnouncer announcer = new RegistrationAnnouncer();
    private final Observations observations;
    private final Lookups lookups;
    /** Unregisters sent lately: sent again when the bus is back, as the outage may have swallowed them. */
    private final RecentUnregisters recentUnregisters;
    /** Orders register() against close(): a registration is either unregistered by close() or refused. */
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private final Thread shutdownHook;
    private final BusWatchdog watchdog;
    private final HealthMonitor health;
    private final Heartbeats heartbeats;
    private final Watches watches;

    /** A registry on {@code pubsub}, which it owns from now on and closes in {@link #close()}. */
    public DefaultRegistry(Pubsub pubsub, RegistryOptions options) {
        this.pubsub = pubsub;
        this.options = options;
        this.topics = new Topics(options.mainTopic());
        this.codec = new WireCodec(options.maxMessageSize());
        this.signer = options.signingKey().map(MessageSigner::new).orElse(null);
        int id = RegistryThreads.nextRegistryId();
        this.scheduler = new ScheduledThreadPoolExecutor(1, RegistryThreads.named("scheduler", id));
        scheduler.setRemoveOnCancelPolicy(true);
        this.io = Executors.newSingleThreadExecutor(RegistryThreads.named("io", id));
        this.events = new ElasticExecutor(RegistryThreads.named("events", id));
        this.names = new NameTable(listenerLanes(options), listenerBacklog, options.nameIdleTime().toNanos());
        this.clock = new BusClock(options.ticker());
        // Long enough to cover a message sent before an outage was noticed (the stall threshold, a margin for a dead
        // connection noticed late) and the peers' re-pings after it (the re-announce window, their reconnect).
        this.recentUnregisters = new RecentUnregisters(clock, options.stallThreshold().toNanos()
                + options.reannounceWindow().toNanos() + TimeUnit.SECONDS.toNanos(5));
        ExpiryBrake<InstanceCache.InstanceKey> brake = new ExpiryBrake<>(options.expiryBrakeEnabled(),
                options.expiryBrakeShare(), options.expiryBrakeMaxHold().toNanos(), options.dueFactor(),
                counters.expiryBrakeEngagements::increment);
        long sweep = options.dueCheckPeriod().toNanos();
        this.cache = new InstanceCache(clock, scheduler, names, brake, sweep, this::onCacheChange);
        Inbound inbound = new Inbound(codec, signer, topics, options, cache, counters, new SerialExecutor(events, new LongAdder()),
                this::tracked);
        this.observations = new Observations(pubsub, topics, inbound::onMessage, io);
        this.lookups = new Lookups(options, scheduler, events, counters, names, observations, this::ping);
        this.own = new OwnRegistrations(pubsub, topics, this::answerPing, io);
        this.health = new HealthMonitor(scheduler, id);
        this.heartbeats = new Heartbeats(options.registerInterval(), scheduler, own::all, options.ticker());
        this.watches = new Watches(names, scheduler, name -> lookups.allAsync(name, NO_FILTERS));
        new DueSweep(scheduler, cache, clock, sweep, recentUnregisters::prune).start();
        long nameSweep = Math.max(options.nameIdleTime().toNanos() / 4, TimeUnit.MILLISECONDS.toNanos(1));
        scheduler.scheduleWithFixedDelay(() -> names.sweep(options.ticker().read(), observations::release),
                nameSweep, nameSweep, TimeUnit.NANOSECONDS);
        scheduler.scheduleWithFixedDelay(events::checkProgress, ELASTIC_CHECK_NANOS, ELASTIC_CHECK_NANOS, TimeUnit.NANOSECONDS);
        pubsub.addConnectionListener(this::onConnectionState);
        this.watchdog = new BusWatchdog(pubsub, id, options.watchdogPeriod(), options.stallThreshold(), options.ticker(),
                new BusWatchdog.Listener() {
                    @Override
                    public void busStalled() {
                        clock.pause(BusClock.Pause.STALLED);
                    }

                    @Override
                    public void busBack() {
                        onScheduler(() -> resumeExpiry(BusClock.Pause.STALLED));
                    }
                });
        this.shutdownHook = options.unregisterOnShutdown() ? RegistryThreads.named("shutdown", id).newThread(this::drainThenClose) : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /**
     * Where the names' event lanes drain: the registry's own threads, or the caller's executor, handed each
     * drain from a registry thread so that even a caller's {@code Runnable::run} never runs a listener on a
     * transport thread or under a cache lock.
     */
    private Executor listenerLanes(RegistryOptions options) {
        return options.listenerExecutor().<Executor>map(user -> task -> events.execute(() -> user.execute(task))).orElse(events);
    }

    @Override
    public Registration register(Service service) {
        Objects.requireNonNull(service, "service");
        ensureOpen();
        Service announced = service.host().isEmpty() ? service.toBuilder().host(options.hostName()).build() : service;
        requireSendable(announced);
        DefaultRegistration registration = new DefaultRegistration(announcer, announced);
        registration.nextBeat(heartbeats.nextBeat());
        CompletableFuture<?> pingable;
        synchronized (lifecycle) {
            ensureOpen();
            recentUnregisters.forget(announced.id());
            // The register message leaves first, before the name's ping subscription is even requested, so that the
            // subscribing (a round trip on the I/O thread) does not delay it. Safe: a process that pings the name
            // observes it, so it receives this message if it subscribed before it went out; if it pinged before our
            // ping subscription was active, its lookup meets the next message of the instance instead (the answer
            // to its next ping, or the next heartbeat), as it would if the ping had been lost on the bus.
            registration.announce();
            pingable = own.add(registration);
        }
        awaitSubscribed(pingable);
        return registration;
    }

    @Override
    public Registration register(Service service, HealthCheck check) {
        Objects.requireNonNull(check, "check");
        DefaultRegistration registration = (DefaultRegistration) register(service);
        health.start(registration, check);
        return registration;
    }

    @Override
    public Service getService(String name) {
        return getService(name, NO_FILTERS);
    }

    @Override
    public Service getService(String name, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        ensureOpen();
        NameState state = names.get(name);
        if (state != null) {
            if (filter == LOAD_BALANCE && !lookups.hasDefaultFilters()) {
                // the lookup on most request paths: straight to the array, no list, no filter chain
                Service[] instances = state.instances;
                if (instances.length > 0) {
                    hit(state);
                    return state.nextRoundRobin(instances);
                }
            }
            List<Service> snapshot = state.snapshot;
            if (!snapshot.isEmpty()) {
                List<Service> passed = lookups.filter(state, snapshot, filter);
                if (!passed.isEmpty()) {
                    hit(state);
                    return passed.get(0);
                }
            }
        } else {
            Names.requireValidServiceName(name);
        }
        return found(name, options.lookupTimeout(), lookups.first(name, options.lookupTimeout(), new Filter[] {filter}));
    }

    @Override
    public Service getService(String name, Filter... filters) {
        return getService(name, options.lookupTimeout(), filters);
    }

    @Override
    public Service getService(String name, Duration timeout, Filter... filters) {
        Lookups.callTimeout(timeout);
        List<Service> cached = cachedFirst(name, Lookups.requireFilters(filters));
        return cached != null ? cached.get(0) : found(name, timeout, lookups.first(name, timeout, filters));
    }

    @Override
    public Optional<Service> findService(String name, Duration timeout, Filter... filters) {
        Lookups.callTimeout(timeout);
        List<Service> cached = cachedFirst(name, Lookups.requireFilters(filters));
        List<Service> found = cached != null ? cached : lookups.first(name, timeout, filters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Service> getServices(String name, Duration timeout, Filter... filters) {
        Lookups.callTimeout(timeout);
        List<Service> cached = cachedAll(name, Lookups.requireFilters(filters));
        // immutable whatever the filters returned (List.copyOf returns an immutable list as it is)
        return List.copyOf(cached != null ? cached : lookups.all(name, timeout, filters));
    }

    @Override
    public Optional<Service> findService(String name, Filter... filters) {
        return findService(name, options.lookupTimeout(), filters);
    }

    @Override
    public List<Service> getServices(String name, Filter... filters) {
        return getServices(name, options.lookupTimeout(), filters);
    }

    @Override
    public CompletableFuture<Service> getServiceAsync(String name, Filter... filters) {
        List<Service> cached = cachedFirst(name, Lookups.requireFilters(filters));
        if (cached != null) {
            return CompletableFuture.completedFuture(cached.get(0));
        }
        return cancellable(lookups.firstAsync(name, filters), found -> found(name, options.lookupTimeout(), found));
    }

    @Override
    public CompletableFuture<List<Service>> getServicesAsync(String name, Filter... filters) {
        List<Service> cached = cachedAll(name, Lookups.requireFilters(filters));
        return cached != null ? CompletableFuture.completedFuture(List.copyOf(cached))
                : cancellable(lookups.allAsync(name, filters), List::copyOf);
    }

    /** The caller's stage of an async lookup: cancelling it (or completing it early) ends the lookup. */
    private static <T> CompletableFuture<T> cancellable(CompletableFuture<List<Service>> lookup,
            Function<List<Service>, T> result) {
        CompletableFuture<T> answer = lookup.thenApply(result);
        answer.whenComplete((value, failure) -> lookup.cancel(false));
        return answer;
    }

    @Override
    public Subscription observe(String name, ServiceListener listener) {
        Names.requireValidServiceName(name);
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        NameState state = names.acquire(name, s -> s.addListener(listener));
        lookups.discover(state);
        awaitSubscribed(observations.active(state));
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                state.removeListener(listener);
            }
        };
    }

    @Override
    public Subscription observeAll(ServiceListener listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        dispatcher.addForAll(listener);
        awaitSubscribed(observations.observeAll());
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                dispatcher.removeForAll(listener);
            }
        };
    }

    @Override
    public Subscription watch(String name, Consumer<List<Service>> watcher) {
        return startWatch(name, null, watcher);
    }

    @Override
    public Subscription watch(String name, Duration refreshEvery, Consumer<List<Service>> watcher) {
        Objects.requireNonNull(refreshEvery, "refreshEvery");
        return startWatch(name, refreshEvery, watcher);
    }

    private Subscription startWatch(String name, @Nullable Duration refreshEvery, Consumer<List<Service>> watcher) {
        Names.requireValidServiceName(name);
        ensureOpen();
        return watches.watch(name, refreshEvery, watcher);
    }

    @Override
    public void await(Duration timeout, String... names) {
        List<String> dependencies = new ArrayList<>();
        for (String name : names) {
            dependencies.add(Names.requireValidServiceName(name));
        }
        ensureOpen();
        watches.await(timeout, dependencies);
    }

    @Override
    public List<Registration> registrations() {
        return List.copyOf(own.all());
    }

    @Override
    public Set<String> observedNames() {
        Set<String> observed = new TreeSet<>();
        for (NameState state : names.all()) {
            if (state.subscription != null) {
                observed.add(state.name);
            }
        }
        return Set.copyOf(observed);
    }

    @Override
    public RegistryStats stats() {
        return counters.snapshot(cache.size(), listenerBacklog.sum(), names.size(), cache.held());
    }

    @Override
    public RegistryOptions options() {
        return options;
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        removeShutdownHook();
        for (DefaultRegistration registration : own.all()) {
            registration.unregister();
        }
        lookups.close();
        watches.close();
        watchdog.close();
        health.close();
        scheduler.shutdownNow();
        io.shutdownNow();
        awaitQuietly(io);
        observations.close(names.all());
        own.close();
        cache.clear();
        names.clear();
        pubsub.close();
        events.shutdown();
    }

    /**
     * The shutdown hook: drains every registration for the configured time (callers move away while the
     * instances still answer), then closes. Bounded by {@code drainOnShutdown}.
     */
    private void drainThenClose() {
        Duration period = options.drainOnShutdown();
        if (!period.isZero() && !closed) {
            List<CompletableFuture<Void>> drained = new ArrayList<>();
            for (DefaultRegistration registration : own.all()) {
                try {
                    drained.add(registration.drain(period));
                } catch (IllegalStateException unregisteredMeanwhile) {
                    // nothing to drain
                }
            }
            LOG.info("shutting down: draining {} registrations for {} ms", drained.size(), period.toMillis());
            try {
                CompletableFuture.allOf(drained.toArray(CompletableFuture[]::new))
                        .get(period.toNanos() + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException notAll) {
                LOG.debug("drain did not finish cleanly: {}", notAll.toString());
            }
        }
        close();
    }

    /**
     * What a registration asks of its registry, kept off this class's public surface: only the registrations
     * this registry made can publish, forget themselves or schedule their drain.
     */
    private final class RegistrationAnnouncer implements DefaultRegistration.Announcer {

        @Override
        public RegisterTemplate registerTemplate(Service service) {
            return codec.registerTemplate(service, options.registerInterval().toMillis());
        }

        @Override
        public void publishRegister(RegisterTemplate message) {
            publishSigned(topics.register(message.service().name()), message.at(System.currentTimeMillis()));
        }

        @Override
        public void publishUnregister(Service service) {
            byte[] message = signer == null ? codec.encodeUnregister(service)
                    : codec.encodeUnregister(service, System.currentTimeMillis(), options.registerInterval().toMillis());
            publishSigned(topics.unregister(service.name()), message);
            recentUnregisters.add(service);
        }

        @Override
        public void forget(DefaultRegistration registration) {
            own.remove(registration);
        }

        @Override
        public void later(Runnable task, Duration delay) {
            try {
                scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                task.run();
            }
        }
    }

    @Override
    public String toString() {
        return "Registry{" + options.mainTopic() + " on " + pubsub + "}";
    }

    /** The cached instances passing {@code filters} when there are any, else null (the lookup must wait). */
    private List<Service> cachedFirst(String name, Filter[] filters) {
        ensureOpen();
        NameState state = names.get(name);
        if (state == null) {
            Names.requireValidServiceName(name);
            return null;
        }
        List<Service> snapshot = state.snapshot;
        if (snapshot.isEmpty()) {
            return null;
        }
        List<Service> passed = lookups.filter(state, snapshot, filters);
        if (passed.isEmpty()) {
            return null;
        }
        hit(state);
        return passed;
    }

    /**
     * As {@link #cachedFirst}, but only once the name is warm: until the answers to its ping have had time to
     * arrive, the cache may hold only the instances that answered first.
     */
    private List<Service> cachedAll(String name, Filter[] filters) {
        ensureOpen();
        NameState state = names.get(name);
        if (state == null) {
            Names.requireValidServiceName(name);
            return null;
        }
        return state.warm ? cachedFirst(name, filters) : null;
    }

    /**
     * Waits, at most the lookup timeout, until a subscription is active, so that on a healthy bus a message
     * published after {@code register} or {@code observe} returned is not missed. While the bus is known to be
     * down it does not wait, and it stops waiting when the bus is found down meanwhile: the subscription is made when
     * the bus is back.
     */
    private void awaitSubscribed(CompletableFuture<?> subscription) {
        CompletableFuture<Void> busDown = clock.whenPaused();
        if (subscription.isDone() || busDown.isDone()) {
            return;
        }
        try {
            // the bus may be found down while waiting (a broker killed just before): stop waiting then, as if down before
            CompletableFuture.anyOf(subscription, busDown).get(options.lookupTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException notYet) {
            LOG.debug("subscription not active yet, continuing in the background: {}", notYet.toString());
        }
    }

    private void hit(NameState state) {
        counters.lookupHits.increment();
        if (!state.touched) {
            state.touched = true;
        }
    }

    private static Service found(String name, Duration waited, List<Service> found) {
        if (found.isEmpty()) {
            throw new ServiceNotFoundException(name, waited);
        }
        return found.get(0);
    }

    /** Whether messages of {@code name} are still wanted: it is in use, or every name is observed. */
    private boolean tracked(String name) {
        return observations.observesAll() || names.get(name) != null;
    }

    /** Under the instance's cache lock: only enqueues (events in the name's lane) and wakes waiting lookups. */
    private void onCacheChange(NameState state, ServiceEvent event) {
        dispatcher.dispatch(state, event);
        state.wakeWaiters();
    }

    private void ping(String name) {
        counters.pingsSent.increment();
        publish(topics.ping(name), EMPTY);
    }

    /** On a transport thread: hands the answer to the scheduler. */
    private void answerPing(String name) {
        try {
            scheduler.execute(() -> {
                own.ofName(name).forEach(DefaultRegistration::answerPing);
                recentUnregisters.recentOf(name).forEach(this::republishUnregister);
            });
        } catch (RejectedExecutionException closing) {
            // closing: its unregister messages follow
        }
    }

    private byte[] registerMessage(Service service) {
        return codec.encodeRegister(service, System.currentTimeMillis(), options.registerInterval().toMillis());
    }

    /** Refuses a service whose register message no peer would accept (larger than maxMessageSize). */
    private void requireSendable(Service service) {
        byte[] message = registerMessage(service);
        int size = signer == null ? message.length : signer.sign(topics.register(service.name()), message).length;
        if (size > options.maxMessageSize()) {
            throw new IllegalArgumentException("service '" + service.name() + "' at " + service.address() + " encodes to "
                    + size + " bytes, more than maxMessageSize (" + options.maxMessageSize()
                    + " bytes): peers would drop it; shrink its kv or raise maxMessageSize on every peer");
        }
    }

    private void onConnectionState(ConnectionState state) {
        switch (state) {
            case DISCONNECTED -> {
                clock.pause(BusClock.Pause.DISCONNECTED);
                LOG.info("bus disconnected: expiry paused until it is back");
            }
            case RECONNECTED -> onScheduler(() -> resumeExpiry(BusClock.Pause.DISCONNECTED));
            case CLOSED -> LOG.debug("bus connection closed");
        }
    }

    /**
     * Withdraws one reason the bus was unusable; runs on the scheduler, as the due-check sweep does. When it was the
     * last, every cached instance first gets a full due time to be heard again, then, since messages may have been
     * lost meanwhile, the subscriptions that failed are made again, recent unregisters are sent again, and this process's
     * registrations are re-announced and the names it uses re-pinged, each at a random time within the
     * re-announce window: peers and this cache converge within the window plus one round trip, and a broker
     * restart under thousands of instances brings no storm.
     */
    private void resumeExpiry(BusClock.Pause reason) {
        if (clock.onlyPausedFor(reason)) {
            cache.renewAll(); // while the clock still stands: every instance gets a full due time to be heard again
        }
        if (!clock.resume(reason)) {
            return;
        }
        List<DefaultRegistration> registrations = own.all();
        List<NameState> used = List.copyOf(names.all());
        LOG.info("bus usable again: re-announcing {} registrations and re-pinging {} names within {} ms",
                registrations.size(), used.size(), options.reannounceWindow().toMillis());
        own.resubscribeFailed();
        observations.retryWildcard();
        republishRecentUnregisters();
        long window = options.reannounceWindow().toNanos();
        try {
            for (DefaultRegistration registration : registrations) {
                registration.reannounceLater();
                scheduler.schedule(registration::reannounce, randomDelay(window), TimeUnit.NANOSECONDS);
            }
            for (NameState state : used) {
                scheduler.schedule(() -> lookups.discover(state), randomDelay(window), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closing) {
            LOG.debug("registry closing; nothing to re-announce");
        }
    }

    /** Runs {@code task} on the scheduler, the thread of every expiry decision; dropped once the registry closes. */
    private void onScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException closing) {
            LOG.debug("registry closing: {} not run", task);
        }
    }

    private static long randomDelay(long window) {
        return window <= 0 ? 0 : ThreadLocalRandom.current().nextLong(window);
    }

    private void republishRecentUnregisters() {
        recentUnregisters.recent().forEach(this::republishUnregister);
    }

    private void republishUnregister(Service unregistered) {
        byte[] message = signer == null ? codec.encodeUnregister(unregistered)
                : codec.encodeUnregister(unregistered, System.currentTimeMillis(), options.registerInterval().toMillis());
        publishSigned(topics.unregister(unregistered.name()), message);
    }

    private void publishSigned(String topic, byte[] message) {
        publish(topic, signer == null ? message : signer.sign(topic, message));
    }

    /**
     * Hands a message to the transport. One it refuses (the bus is down, the transport closed) is repaired when the
     * bus is back: registrations are re-announced and recent unregisters sent again.
     */
    private void publish(String topic, byte[] payload) {
        try {
            pubsub.publish(topic, payload);
            counters.messagesOut.increment();
        } catch (RuntimeException failed) {
            LOG.debug("publish on {} failed: {}", topic, failed.toString());
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway and finds the registry closed
            }
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new RegistryClosedException("registry is closed");
        }
    }
}
