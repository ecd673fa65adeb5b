package dev.registry.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The instances this registry knows, with per-instance expiry at a due time measured on the receiver's
 * {@link BusClock}.
 *
 * <p>Caffeine holds one entry per instance ({@code name} + {@code address}) with variable expiry on the
 * registry's scheduler. Its timer wheel has about one second of resolution, so a {@link DueIndex} tells the
 * due-check sweep which instances are due, to the period of the sweep; Caffeine's own expiry, set a little
 * later, only backs the sweep up. Beside it, each name has an immutable, address-ordered snapshot that lookups read
 * without a lock. Every change of an instance happens inside Caffeine's atomic compute for its key (or its
 * eviction, which runs under the same lock), where the name's snapshot is rebuilt and the event enqueued,
 * so the snapshot, the cache and the order of events always agree. Lock order: Caffeine's entry lock, then a
 * name's monitor; nothing takes them the other way round.
 */
final class InstanceCache {

    private static final Comparator<Service> BY_ADDRESS = Comparator.comparing(Service::address);

    /**
     * How much later than the due time Caffeine's own expiry fires: it only backs up the {@link DueIndex}
     * sweep (should the sweep not run), and must come later so that the sweep finds the entry still present.
     */
    private static final long BACKSTOP_NANOS = 2_000_000_000L;

    private final Cache<InstanceKey, Entry> cache;
    private final ConcurrentMap<String, NameInstances> byName = new ConcurrentHashMap<>();
    private final DueIndex<InstanceKey> dueIndex = new DueIndex<>();
    private final BusClock clock;
    private final Consumer<ServiceEvent> events;

    InstanceCache(BusClock clock, ScheduledExecutorService scheduler, Consumer<ServiceEvent> events) {
        this.clock = clock;
        this.events = events;
        this.cache = Caffeine.newBuilder()
                .ticker(clock)
                .scheduler(closingAware(scheduler))
                .executor(Runnable::run)
                .expireAfter(new DueTime())
                .evictionListener(this::onEviction)
                .build();
    }

    /**
     * Caffeine's scheduler on the registry's, ignoring that it has shut down: a message still arriving while the
     * registry closes must not make Caffeine log a rejected task.
     */
    private static Scheduler closingAware(ScheduledExecutorService scheduler) {
        Scheduler delegate = Scheduler.forScheduledExecutorService(scheduler);
        return (executor, command, delay, unit) -> {
            try {
                return delegate.schedule(executor, command, delay, unit);
            } catch (RejectedExecutionException closing) {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    /** Adds or refreshes an instance, due {@code dueNanos} from now; emits REGISTERED or UPDATED when it is new or changed. */
    void upsert(Service service, long dueNanos) {
        InstanceKey instance = new InstanceKey(service.name(), service.address());
        long deadline = clock.read() + dueNanos;
        cache.asMap().compute(instance, (key, previous) -> {
            if (previous == null) {
                names(key.name()).put(service);
                events.accept(new ServiceEvent(ServiceEvent.Type.REGISTERED, service));
            } else if (!previous.service().equals(service)) {
                names(key.name()).put(service);
                events.accept(new ServiceEvent(ServiceEvent.Type.UPDATED, service));
            }
            return new Entry(service, dueNanos, deadline);
        });
        dueIndex.add(deadline, instance);
    }

    /** Removes an instance its owner unregistered; emits UNREGISTERED when it was cached. */
    void remove(String name, String address) {
        cache.asMap().computeIfPresent(new InstanceKey(name, address), (key, previous) -> {
            names(name).remove(address);
            events.accept(new ServiceEvent(ServiceEvent.Type.UNREGISTERED, previous.service()));
            return null;
        });
    }

    /** The cached instances of {@code name}, ordered by address; immutable, empty when none. */
    List<Service> snapshot(String name) {
        NameInstances instances = byName.get(name);
        return instances == null ? List.of() : instances.snapshot;
    }

    /** Names with at least one cached instance, or that had one. */
    Set<String> names() {
        return byName.keySet();
    }

    /** Drops every instance whose due time has passed, with an EXPIRED event each. Called by the due-check sweep. */
    void expireDue() {
        long now = clock.read();
        dueIndex.drainDue(now, key -> cache.asMap().computeIfPresent(key, (instance, entry) -> {
            if (entry.deadline() - now > 0) {
                return entry; // a heartbeat came after this deadline was indexed
            }
            names(instance.name()).remove(instance.address());
            events.accept(new ServiceEvent(ServiceEvent.Type.EXPIRED, entry.service()));
            return null;
        }));
        cache.cleanUp();
    }

    long size() {
        return cache.estimatedSize();
    }

    /** Drops everything without events (the registry is closing). */
    void clear() {
        byName.clear();
        dueIndex.clear();
        cache.asMap().clear();
    }

    private void onEviction(InstanceKey key, Entry entry, RemovalCause cause) {
        if (key == null || entry == null) {
            return;
        }
        names(key.name()).remove(key.address());
        if (cause == RemovalCause.EXPIRED) {
            events.accept(new ServiceEvent(ServiceEvent.Type.EXPIRED, entry.service()));
        }
    }

    private NameInstances names(String name) {
        NameInstances instances = byName.get(name);
        return instances != null ? instances : byName.computeIfAbsent(name, n -> new NameInstances());
    }

    private record InstanceKey(String name, String address) {
    }

    /** A cached instance: how long it lives after its last heartbeat, and until when (on the clock of expiry). */
    private record Entry(Service service, long dueNanos, long deadline) {
    }

    /** Each entry lives for the due time it was written with, plus the backstop margin; a read does not extend it. */
    private static final class DueTime implements Expiry<InstanceKey, Entry> {
        @Override
        public long expireAfterCreate(InstanceKey key, Entry entry, long currentTime) {
            return entry.dueNanos() + BACKSTOP_NANOS;
        }

        @Override
        public long expireAfterUpdate(InstanceKey key, Entry entry, long currentTime, long currentDuration) {
            return entry.dueNanos() + BACKSTOP_NANOS;
        }

        @Override
        public long expireAfterRead(InstanceKey key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** The instances of one name and their published snapshot. Mutated only under its own monitor. */
    private static final class NameInstances {
        private final Map<String, Service> byAddress = new HashMap<>();
        volatile List<Service> snapshot = List.of();

        synchronized void put(Service service) {
            byAddress.put(service.address(), service);
            publish();
        }

        synchronized void remove(String address) {
            if (byAddress.remove(address) != null) {
                publish();
            }
        }

        private void publish() {
            List<Service> sorted = new ArrayList<>(byAddress.values());
            sorted.sort(BY_ADDRESS);
            snapshot = List.copyOf(sorted);
        }
    }
}
