package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.HealthCheck;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Registry} implementation: wires the cache, the own registrations and their heartbeats, the
 * lookups and the listeners to one {@link Pubsub}.
 *
 * <p>Threads: one scheduler ({@code registry-scheduler-<id>}) runs heartbeats, ping answers, re-announces,
 * the due-check sweep, lookup timeouts and Caffeine's expiry; one listener thread
 * ({@code registry-events-<id>}) unless the options supply an executor. Transport threads only decode
 * messages and update the cache.
 */
public final class DefaultRegistry implements Registry, DefaultRegistration.Announcer {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRegistry.class);
    private static final byte[] EMPTY = new byte[0];
    private static final Filter[] NO_FILTERS = {};

    private final Pubsub pubsub;
    private final RegistryOptions options;
    private final Topics topics;
    private final WireCodec codec;
    private final MessageSigner signer;
    private final RegistryCounters counters = new RegistryCounters();
    private final ScheduledThreadPoolExecutor scheduler;
    private final ExecutorService ownListenerThread;
    private final Executor listenerExecutor;
    private final BusClock clock;
    private final EventDispatcher dispatcher;
    private final InstanceCache cache;
    private final OwnRegistrations own;
    private final Observations observations;
    private final Lookups lookups;
    /** Orders register() against close(): a registration is either unregistered by close() or refused. */
    private final Object lifecycle = new Object();
    private volatile boolean closed;
    private final Thread shutdownHook;
    private final BusWatchdog watchdog;
    private final HealthMonitor health;
    private final Heartbeats heartbeats;
    private final Watches watches;

    public DefaultRegistry(Pubsub pubsub, RegistryOptions options) {
        this.pubsub = pubsub;
        this.options = options;
        this.topics = new Topics(options.mainTopic());
        this.codec = new WireCodec(options.maxMessageSize());
        this.signer = options.signingKey().map(MessageSigner::new).orElse(null);
        int id = RegistryThreads.nextRegistryId();
        this.scheduler = new ScheduledThreadPoolExecutor(1, RegistryThreads.named("scheduler", id));
        scheduler.setRemoveOnCancelPolicy(true);
        this.ownListenerThread = options.listenerExecutor().isPresent() ? null
                : Executors.newSingleThreadExecutor(RegistryThreads.named("events", id));
        this.listenerExecutor = options.listenerExecutor().orElse(ownListenerThread);
        this.clock = new BusClock(options.ticker());
        this.dispatcher = new EventDispatcher(listenerExecutor);
        this.lookups = new Lookups(options, scheduler, listenerExecutor, counters, this::ping);
        this.cache = new InstanceCache(clock, scheduler, this::onCacheEvent);
        this.observations = new Observations(pubsub, topics, new Inbound(codec, signer, topics, options, cache, counters));
        this.own = new OwnRegistrations(pubsub, topics, this::answerPing);
        this.health = new HealthMonitor(scheduler, id);
        this.heartbeats = new Heartbeats(options.registerInterval(), scheduler, own::all);
        this.watches = new Watches(dispatcher, cache::snapshot, scheduler, this::getServicesAsync);
        long sweep = options.dueCheckPeriod().toNanos();
        scheduler.scheduleWithFixedDelay(cache::expireDue, sweep, sweep, TimeUnit.NANOSECONDS);
        pubsub.addConnectionListener(this::onConnectionState);
        this.watchdog = new BusWatchdog(pubsub, id, new BusWatchdog.Listener() {
            @Override
            public void busStalled() {
                clock.pause(BusClock.Pause.STALLED);
            }

            @Override
            public void busBack() {
                resumeExpiry(BusClock.Pause.STALLED);
            }
        });
        this.shutdownHook = options.unregisterOnShutdown() ? RegistryThreads.named("shutdown", id).newThread(this::close) : null;
        if (shutdownHook != null) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    @Override
    public Registration register(Service service) {
        Objects.requireNonNull(service, "service");
        ensureOpen();
        Service announced = service.host().isEmpty() ? service.toBuilder().host(options.hostName()).build() : service;
        DefaultRegistration registration = new DefaultRegistration(this, announced);
        registration.nextBeat(heartbeats.nextBeatAfter(System.nanoTime()));
        synchronized (lifecycle) {
            ensureOpen();
            own.add(registration);
            registration.announce();
        }
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
    public Service getService(String name, Filter... filters) {
        List<Service> cached = cachedLookup(name, filters);
        if (!cached.isEmpty()) {
            return cached.get(0);
        }
        List<Service> found = await(lookups.awaitFirst(name, filters, cache::snapshot));
        if (found.isEmpty()) {
            throw new ServiceNotFoundException(name, options.lookupTimeout());
        }
        return found.get(0);
    }

    @Override
    public Service getService(String name) {
        return getService(name, NO_FILTERS);
    }

    @Override
    public Service getService(String name, Filter filter) {
        Objects.requireNonNull(filter, "filter");
        List<Service> cached = cachedLookup(name, filter);
        return cached.isEmpty() ? getService(name, new Filter[] {filter}) : cached.get(0);
    }

    @Override
    public Optional<Service> findService(String name, Filter... filters) {
        List<Service> cached = cachedLookup(name, filters);
        if (!cached.isEmpty()) {
            return Optional.of(cached.get(0));
        }
        List<Service> found = await(lookups.awaitFirst(name, filters, cache::snapshot));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<Service> getServices(String name, Filter... filters) {
        List<Service> cached = cachedLookup(name, filters);
        return !cached.isEmpty() ? cached : await(lookups.collectAll(name, filters, cache::snapshot));
    }

    @Override
    public CompletableFuture<Service> getServiceAsync(String name, Filter... filters) {
        List<Service> cached = cachedLookup(name, filters);
        if (!cached.isEmpty()) {
            return CompletableFuture.completedFuture(cached.get(0));
        }
        return lookups.onListenerExecutor(lookups.awaitFirst(name, filters, cache::snapshot).thenApply(found -> {
            if (found.isEmpty()) {
                throw new ServiceNotFoundException(name, options.lookupTimeout());
            }
            return found.get(0);
        }));
    }

    @Override
    public CompletableFuture<List<Service>> getServicesAsync(String name, Filter... filters) {
        List<Service> cached = cachedLookup(name, filters);
        if (!cached.isEmpty()) {
            return CompletableFuture.completedFuture(cached);
        }
        return lookups.onListenerExecutor(lookups.collectAll(name, filters, cache::snapshot));
    }

    @Override
    public Subscription observe(String name, ServiceListener listener) {
        Names.requireValidServiceName(name);
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        Subscription subscription = dispatcher.add(name, listener);
        observations.observe(name);
        return subscription;
    }

    @Override
    public Subscription observeAll(ServiceListener listener) {
        Objects.requireNonNull(listener, "listener");
        ensureOpen();
        Subscription subscription = dispatcher.addForAll(listener);
        observations.observeAll();
        return subscription;
    }

    @Override
    public Subscription watch(String name, Consumer<List<Service>> watcher) {
        return watch(name, null, watcher);
    }

    @Override
    public Subscription watch(String name, Duration refreshEvery, Consumer<List<Service>> watcher) {
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
        return observations.names();
    }

    @Override
    public RegistryStats stats() {
        return counters.snapshot(cache.size(), 0, 0, 0);
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
        watchdog.close();
        health.close();
        observations.close();
        own.close();
        scheduler.shutdownNow();
        lookups.close();
        cache.clear();
        pubsub.close();
        if (ownListenerThread != null) {
            ownListenerThread.shutdown();
        }
    }

    @Override
    public void publishRegister(Service service) {
        publishSigned(topics.register(service.name()),
                codec.encodeRegister(service, System.currentTimeMillis(), options.registerInterval().toMillis()));
    }

    @Override
    public void publishUnregister(Service service) {
        byte[] message = signer == null ? codec.encodeUnregister(service)
                : codec.encodeUnregister(service, System.currentTimeMillis(), options.registerInterval().toMillis());
        publishSigned(topics.unregister(service.name()), message);
    }

    @Override
    public void forget(DefaultRegistration registration) {
        own.remove(registration);
    }

    @Override
    public String toString() {
        return "Registry{" + options.mainTopic() + " on " + pubsub + "}";
    }

    /** The lookup's result from the cache alone, empty when it must go to the bus. */
    private List<Service> cachedLookup(String name, Filter[] filters) {
        List<Service> snapshot = observedSnapshot(name);
        return snapshot.isEmpty() ? snapshot : countHit(lookups.filter(snapshot, filters));
    }

    /** {@link #cachedLookup(String, Filter[])} for a single filter, so the hot path allocates no array. */
    private List<Service> cachedLookup(String name, Filter filter) {
        List<Service> snapshot = observedSnapshot(name);
        return snapshot.isEmpty() ? snapshot : countHit(lookups.filter(snapshot, filter));
    }

    private List<Service> countHit(List<Service> passed) {
        if (!passed.isEmpty()) {
            counters.lookupHits.increment();
        }
        return passed;
    }

    /**
     * Observes {@code name} (validating it first if it is new: an observed name was valid when it was first
     * seen, so the hot path skips the character check) and returns its cached instances.
     */
    private List<Service> observedSnapshot(String name) {
        ensureOpen();
        if (name == null || !observations.isObserved(name)) {
            Names.requireValidServiceName(name);
            observations.observe(name);
        }
        return cache.snapshot(name);
    }

    private List<Service> await(CompletableFuture<List<Service>> lookup) {
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while waiting for a lookup", e);
        } catch (ExecutionException e) {
            throw new RegistryException("lookup failed: " + e.getCause(), e.getCause());
        }
    }

    private void onCacheEvent(ServiceEvent event) {
        dispatcher.dispatch(event);
        lookups.instancesChanged(event.name(), cache::snapshot);
    }

    private void ping(String name) {
        counters.pingsSent.increment();
        publish(topics.ping(name), EMPTY);
    }

    private void answerPing(String name) {
        scheduler.execute(() -> own.ofName(name).forEach(DefaultRegistration::announce));
    }

    private void onConnectionState(ConnectionState state) {
        switch (state) {
            case DISCONNECTED -> {
                clock.pause(BusClock.Pause.DISCONNECTED);
                LOG.info("bus disconnected: expiry paused until it is back");
            }
            case RECONNECTED -> resumeExpiry(BusClock.Pause.DISCONNECTED);
            case CLOSED -> LOG.debug("bus connection closed");
        }
    }

    /**
     * Withdraws one reason the bus was unusable. When it was the last, messages may have been lost meanwhile,
     * so re-announce this process's registrations and re-ping the observed names: peers and this cache
     * converge within one round trip instead of one register interval.
     */
    private void resumeExpiry(BusClock.Pause reason) {
        if (!clock.resume(reason)) {
            return;
        }
        LOG.info("bus usable again: re-announcing {} registrations, re-pinging {} names",
                own.all().size(), observations.names().size());
        try {
            scheduler.execute(() -> {
                own.all().forEach(DefaultRegistration::announce);
                observations.names().forEach(this::ping);
            });
        } catch (RejectedExecutionException closing) {
            LOG.debug("registry closing; nothing to re-announce");
        }
    }

    private void publishSigned(String topic, byte[] message) {
        publish(topic, signer == null ? message : signer.sign(topic, message));
    }

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

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("registry is closed");
        }
    }
}
