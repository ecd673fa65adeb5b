package dev.registry.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The instances this registry knows, with per-instance expiry at a due time measured on the receiver's
 * {@link BusClock}.
 *
 * <p>Caffeine holds one entry per instance ({@code name} + {@code address}) with variable expiry on the
 * registry's scheduler. Its timer wheel has about one second of resolution, so a {@link DueIndex} tells the
 * due-check sweep which instances are due, to the period of the sweep; Caffeine's own expiry, set a little
 * later, only backs the sweep up. Each name's {@link NameState} holds an immutable, address-ordered snapshot that
 * lookups read without a lock. Every change of an instance happens inside Caffeine's atomic compute for its key
 * (or its eviction, which runs under the same lock), where the name's snapshot is rebuilt and the change handed
 * to {@link Changes}, so the snapshot, the cache and the order of events always agree. What runs under that
 * lock only enqueues: no I/O, no user code. Lock order: Caffeine's entry lock, then a name's monitor.
 */
final class InstanceCache {

    /**
     * How much later than the due time Caffeine's own expiry fires: it only backs up the {@link DueIndex}
     * sweep (should the sweep not run), and must come later so that the sweep finds the entry still present.
     */
    private static final long BACKSTOP_NANOS = 2_000_000_000L;

    /** Longest due time kept: a Go peer may announce an interval of up to 2^63 ms; a century is "never". */
    static final long MAX_DUE_NANOS = 100L * 365 * 24 * 3600 * 1_000_000_000L;

    private final Cache<InstanceKey, Entry> cache;
    private final NameTable names;
    private final DueIndex<InstanceKey> dueIndex = new DueIndex<>();
    private final BusClock clock;
    private final Changes changes;
    private final ExpiryBrake<InstanceKey> brake;
    private final long recheckNanos;

    /**
     * @param recheckNanos how soon a held instance is looked at again (the due-check period)
     */
    InstanceCache(BusClock clock, ScheduledExecutorService scheduler, NameTable names, ExpiryBrake<InstanceKey> brake,
            long recheckNanos, Changes changes) {
        this.clock = clock;
        this.names = names;
        this.brake = brake;
        this.recheckNanos = recheckNanos;
        this.changes = changes;
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

    /**
     * Adds or refreshes an instance, due {@code dueNanos} from now (capped at {@link #MAX_DUE_NANOS}); reports
     * REGISTERED or UPDATED when it is new or changed.
     */
    void upsert(Service service, long dueNanos) {
        long due = Math.min(Math.max(dueNanos, 1), MAX_DUE_NANOS);
        InstanceKey instance = new InstanceKey(service.name(), service.address());
        long deadline = clock.read() + due;
        cache.asMap().compute(instance, (key, previous) -> {
            if (previous == null || !previous.service().equals(service)) {
                if (previous != null) {
                    brake.uncached(ExpiryBrake.hostOf(previous.service()));
                }
                brake.cached(ExpiryBrake.hostOf(service));
                NameState state = names.acquire(key.name(), s -> s.put(service));
                changes.changed(state, previous == null ? new ServiceEvent(ServiceEvent.Type.REGISTERED, service)
                        : new ServiceEvent(ServiceEvent.Type.UPDATED, service, Optional.of(previous.service())));
            }
            if (previous != null) {
                dueIndex.remove(previous.deadline(), key);
            }
            dueIndex.add(deadline, key);
            return new Entry(service, due, deadline);
        });
        brake.heard(ExpiryBrake.hostOf(service), due, deadline - due);
        if (brake.held() > 0) {
            brake.release(instance); // heard again: no longer held (one volatile read when nothing is)
        }
    }

    /** Removes an instance its owner unregistered; reports UNREGISTERED when it was cached. */
    void remove(String name, String address) {
        InstanceKey instance = new InstanceKey(name, address);
        cache.asMap().computeIfPresent(instance, (key, previous) -> {
            drop(key, ServiceEvent.Type.UNREGISTERED, previous.service());
            dueIndex.remove(previous.deadline(), key);
            return null;
        });
        brake.release(instance);
    }

    /**
     * Drops every instance whose due time has passed, reporting EXPIRED for each, unless the {@link ExpiryBrake}
     * holds them. Called by the due-check sweep, one call at a time.
     */
    void expireDue() {
        long now = clock.read();
        Set<InstanceKey> due = new LinkedHashSet<>();
        Set<String> dueHosts = new HashSet<>();
        long[] window = {0};
        dueIndex.drainDue(now, key -> {
            Entry entry = cache.asMap().get(key);
            if (entry == null || entry.deadline() - now > 0) {
                brake.release(key); // gone, or heard again after this deadline was indexed
            } else {
                due.add(key);
                dueHosts.add(ExpiryBrake.hostOf(entry.service()));
                window[0] = Math.max(window[0], entry.dueNanos());
            }
        });
        switch (brake.decide(dueHosts, now, window[0])) {
            case HOLD -> due.forEach(key -> {
                if (brake.hold(key, now)) {
                    recheck(key, now);
                } else {
                    expire(key, now);
                }
            });
            case DEFER -> due.forEach(key -> {
                Entry entry = cache.asMap().get(key);
                if (entry != null && brake.deferrable(now - entry.deadline(), entry.dueNanos())) {
                    recheck(key, now);
                } else {
                    expire(key, now);
                }
            });
            case EXPIRE -> due.forEach(key -> expire(key, now));
        }
        cache.cleanUp();
    }

    /**
     * Gives every cached instance a full due time from now: called while the clock of expiry stands still, just
     * before it runs again after an outage, because the owners need that long to be heard again (their own
     * reconnect may come later than this registry's, and their re-announce is spread over a window). An
     * instance that died during the outage is then detected one due time after the bus is back.
     */
    void renewAll() {
        long now = clock.read();
        for (InstanceKey instance : cache.asMap().keySet()) {
            cache.asMap().computeIfPresent(instance, (key, entry) -> {
                long renewed = now + entry.dueNanos();
                if (renewed - entry.deadline() <= 0) {
                    return entry;
                }
                dueIndex.remove(entry.deadline(), key);
                dueIndex.add(renewed, key);
                return new Entry(entry.service(), entry.dueNanos(), renewed);
            });
        }
    }

    /** Instances held by the expiry brake now. */
    int held() {
        return brake.held();
    }

    long size() {
        return cache.estimatedSize();
    }

    /** Drops everything without events (the registry is closing). */
    void clear() {
        dueIndex.clear();
        brake.clear();
        cache.asMap().clear();
    }

    private void expire(InstanceKey instance, long now) {
        cache.asMap().computeIfPresent(instance, (key, entry) -> {
            if (entry.deadline() - now > 0) {
                return entry; // heard again meanwhile
            }
            drop(key, ServiceEvent.Type.EXPIRED, entry.service());
            brake.expired(ExpiryBrake.hostOf(entry.service()), now);
            return null;
        });
    }

    /** Keeps a held or deferred instance: rewrites its entry so Caffeine's backstop does not evict it, and looks again next sweep. */
    private void recheck(InstanceKey instance, long now) {
        cache.asMap().computeIfPresent(instance, (key, entry) -> new Entry(entry.service(), entry.dueNanos(), entry.deadline()));
        dueIndex.add(now + recheckNanos, instance);
    }

    private void onEviction(InstanceKey key, Entry entry, RemovalCause cause) {
        if (key != null && entry != null && cause == RemovalCause.EXPIRED) {
            drop(key, ServiceEvent.Type.EXPIRED, entry.service());
        }
    }

    /** Under the key's Caffeine lock: removes the instance from its name's snapshot and reports the change. */
    private void drop(InstanceKey key, ServiceEvent.Type type, Service service) {
        brake.uncached(ExpiryBrake.hostOf(service));
        NameState state = names.get(key.name());
        if (state != null && state.remove(key.address())) {
            changes.changed(state, new ServiceEvent(type, service));
        }
    }

    /** Told of every change of the cache, under the instance's lock: must only enqueue. */
    interface Changes {
        void changed(NameState state, ServiceEvent event);
    }

    record InstanceKey(String name, String address) {
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
}
