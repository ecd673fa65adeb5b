package dev.registry.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

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
 *
 * <p>A heartbeat that changes nothing only moves its instance's due time forward, without a lock: in place, on
 * the cached {@link Entry}, and, for a message byte for byte the one that last came in but for its send time
 * (known by its keyed fingerprint, {@link BeatKey}), without decoding it ({@link #renew}); Caffeine's backstop is
 * moved along with it. The due index then still lists the instance at its older deadline: the sweep, finding it
 * heard again there, lists it at its current one, so an instance is looked at on time, never late, and about once
 * per beat without a beat having to touch the index.
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
    private final Policy.VarExpiration<InstanceKey, Entry> backstop;
    /** The instance each remembered message came from, by fingerprint: a message equal to one renews undecoded. */
    private final Map<BeatKey, Entry> beats = new ConcurrentHashMap<>();
    private final NameTable names;
    private final DueIndex<InstanceKey> dueIndex = new DueIndex<>();
    private final BusClock clock;
    private final Changes changes;
    private final ExpiryBrake<InstanceKey> brake;
    private final long recheckNanos;
    /**
     * Instances cached, counted under each instance's lock before its change is reported, so that whoever hears of
     * a change finds it counted (Caffeine's own size counts an entry only once its write has returned).
     */
    private final LongAdder cached = new LongAdder();

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
        this.backstop = cache.policy().expireVariably().orElseThrow();
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
        upsert(service, dueNanos, null);
    }

    /**
     * {@link #upsert(Service, long)} of the service decoded from a message, remembering the message's
     * {@code beat} key (when not null) so that the same message again is {@linkplain #renew renewed} undecoded.
     */
    void upsert(Service service, long dueNanos, BeatKey beat) {
        long due = Math.min(Math.max(dueNanos, 1), MAX_DUE_NANOS);
        InstanceKey instance = new InstanceKey(service.name(), service.address());
        String host = ExpiryBrake.hostOf(service);
        long now = clock.read();
        long deadline = now + due;
        Entry current = cache.asMap().compute(instance, (key, previous) -> {
            if (previous != null && previous.dueNanos == due && previous.service.equals(service)) {
                previous.renewTo(deadline); // present, so not retired: it cannot fail under the lock
                remember(previous, beat);
                return previous;
            }
            if (previous == null) {
                cached.increment();
            }
            if (previous == null || !previous.service.equals(service)) {
                NameState state = names.acquire(key.name(), s -> s.put(service));
                changes.changed(state, previous == null ? new ServiceEvent(ServiceEvent.Type.REGISTERED, service)
                        : new ServiceEvent(ServiceEvent.Type.UPDATED, service, Optional.of(previous.service)));
            }
            if (previous != null) {
                dueIndex.remove(previous.indexed, key);
                retire(previous);
            }
            Entry entry = new Entry(key, service, host, due, deadline);
            dueIndex.add(deadline, key);
            remember(entry, beat);
            return entry;
        });
        // no moveBackstop here: a compute that returns a value, even the same entry, sets Caffeine's expiry anew
        // through DueTime.expireAfterUpdate, so the backstop already lies a full due time ahead
        heard(current);
    }

    /**
     * Renews the instance a message equal to {@code beat} came from, if it is still cached: the message then
     * decodes to what is cached, so only its due time moves. Lock-free; allocates nothing.
     *
     * @param topic the message's topic: an equal message on another name's topic is not the same message
     * @return false when there is no such instance (decode the message instead)
     */
    boolean renew(BeatKey beat, String topic, Topics topics) {
        Entry entry = beats.get(beat);
        if (entry == null || !topics.isRegisterOf(topic, entry.service.name())) {
            return false;
        }
        long now = clock.read();
        if (!entry.renewTo(now + entry.dueNanos)) {
            return false;
        }
        moveBackstop(entry);
        heard(entry);
        return true;
    }

    /** Caffeine expires the entry a full due time plus the backstop margin from now, as when it was written. */
    private void moveBackstop(Entry entry) {
        backstop.setExpiresAfter(entry.key, entry.dueNanos + BACKSTOP_NANOS, TimeUnit.NANOSECONDS);
    }

    private void heard(Entry entry) {
        if (brake.held() > 0) {
            brake.release(entry.key); // heard again: no longer held (one volatile read when nothing is)
        }
    }

    /** Under the instance's lock: {@code beat} now stands for {@code entry}, instead of its former message. */
    private void remember(Entry entry, BeatKey beat) {
        if (beat == null || beat.equals(entry.beat)) {
            return;
        }
        forget(entry);
        entry.beat = beat;
        beats.put(beat, entry);
    }

    /** Under the instance's lock: its message no longer renews it. */
    private void forget(Entry entry) {
        if (entry.beat != null) {
            beats.remove(entry.beat, entry);
            entry.beat = null;
        }
    }

    /** Under the instance's lock: {@code entry} leaves the cache (or is replaced); a renew of it fails from now on. */
    private void retire(Entry entry) {
        entry.retire();
        forget(entry);
    }

    /** Removes an instance its owner unregistered; reports UNREGISTERED when it was cached. */
    void remove(String name, String address) {
        InstanceKey instance = new InstanceKey(name, address);
        cache.asMap().computeIfPresent(instance, (key, previous) -> {
            drop(key, ServiceEvent.Type.UNREGISTERED, previous);
            dueIndex.remove(previous.indexed, key);
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
            if (entry == null || entry.isRetired()) {
                brake.release(key); // gone
            } else if (entry.deadline() - now > 0) {
                brake.release(key); // heard again after this deadline was indexed
                reindex(key, entry, now);
            } else {
                due.add(key);
                dueHosts.add(entry.host);
                window[0] = Math.max(window[0], entry.dueNanos);
            }
        });
        switch (brake.decide(dueHosts, now, window[0], this::forEachCached)) {
            case HOLD -> due.forEach(key -> {
                if (brake.hold(key, now)) {
                    recheck(key, now);
                } else {
                    expire(key, now);
                }
            });
            case DEFER -> due.forEach(key -> {
                Entry entry = cache.asMap().get(key);
                if (entry != null && !entry.isRetired() && brake.deferrable(now - entry.deadline(), entry.dueNanos)) {
                    recheck(key, now);
                } else {
                    expire(key, now);
                }
            });
            case EXPIRE -> due.forEach(key -> expire(key, now));
        }
        cache.cleanUp();
    }

    /** Tells the expiry brake of each cached instance its host and when it was last heard (deadline less due time). */
    private void forEachCached(ExpiryBrake.InstanceVisitor visitor) {
        for (Entry entry : cache.asMap().values()) {
            long deadline = entry.deadline();
            if (deadline != Entry.RETIRED) {
                visitor.visit(entry.host, deadline - entry.dueNanos, entry.dueNanos);
            }
        }
    }

    /**
     * Gives every cached instance a full due time from now: called while the clock of expiry stands still, just
     * before it runs again after an outage, because the owners need that long to be heard again (their own
     * reconnect may come later than this registry's, and their re-announce is spread over a window). An
     * instance that died during the outage is then detected one due time after the bus is back.
     */
    void renewAll() {
        long now = clock.read();
        for (Entry entry : cache.asMap().values()) {
            if (entry.renewTo(now + entry.dueNanos)) { // the sweep lists it at its new deadline when it finds it at its old
                moveBackstop(entry);
            }
        }
    }

    /** When the due check next has an instance to look at, on the clock of expiry ({@link Long#MAX_VALUE}: none). */
    long nextDueTime() {
        return dueIndex.nextDueTime();
    }

    /** Instances held by the expiry brake now. */
    int held() {
        return brake.held();
    }

    /** Instances cached now, counting every change reported so far. */
    long size() {
        return cached.sum();
    }

    /** Drops everything without events (the registry is closing). */
    void clear() {
        dueIndex.clear();
        brake.clear();
        beats.clear();
        cache.asMap().clear();
        cached.reset();
    }

    private void expire(InstanceKey instance, long now) {
        cache.asMap().computeIfPresent(instance, (key, entry) -> {
            long deadline = entry.deadline();
            if (deadline - now > 0 || !entry.retireAt(deadline)) {
                reindex(key, entry, now); // heard again meanwhile
                return entry;
            }
            drop(key, ServiceEvent.Type.EXPIRED, entry);
            brake.expired(entry.host, now);
            return null;
        });
    }

    /**
     * Lists an instance heard again since the deadline the sweep just found it at, at its current deadline, unless
     * it is still listed (at a deadline not handed out yet). Only the sweep lists an entry anew, so this needs no
     * lock; an entry replaced meanwhile may leave its key listed twice, which the sweep then drops.
     */
    private void reindex(InstanceKey key, Entry entry, long now) {
        long deadline = entry.deadline();
        if (DueIndex.drainedBy(entry.indexed, now) && deadline - now > 0) {
            entry.indexed = deadline;
            dueIndex.add(deadline, key);
        }
    }

    /**
     * Keeps a held or deferred instance: moves its backstop on so Caffeine does not evict it, and looks again next
     * sweep.
     */
    private void recheck(InstanceKey instance, long now) {
        Entry entry = cache.asMap().get(instance);
        if (entry == null) {
            return;
        }
        moveBackstop(entry);
        long recheckAt = now + recheckNanos;
        entry.indexed = recheckAt;
        dueIndex.add(recheckAt, instance);
    }

    private void onEviction(InstanceKey key, Entry entry, RemovalCause cause) {
        if (key != null && entry != null && cause == RemovalCause.EXPIRED) {
            drop(key, ServiceEvent.Type.EXPIRED, entry);
        }
    }

    /**
     * Under the key's Caffeine lock: retires the entry, removes the instance from its name's snapshot and reports
     * the change.
     */
    private void drop(InstanceKey key, ServiceEvent.Type type, Entry entry) {
        retire(entry);
        cached.decrement();
        NameState state = names.get(key.name());
        if (state != null && state.remove(key.address())) {
            changes.changed(state, new ServiceEvent(type, entry.service));
        }
    }

    /** Told of every change of the cache, under the instance's lock: must only enqueue. */
    interface Changes {
        void changed(NameState state, ServiceEvent event);
    }

    record InstanceKey(String name, String address) {
    }

    /**
     * A cached instance: how long it lives after its last heartbeat, and until when (on the clock of expiry). The
     * deadline moves forward without a lock (a heartbeat on a transport thread) and turns {@link #RETIRED} once,
     * under the instance's lock, when the entry leaves the cache; a compare-and-set decides between the two, so a
     * heartbeat is either in time to keep the entry or is told that it is gone.
     */
    static final class Entry {
        private static final long RETIRED = Long.MIN_VALUE;
        private static final VarHandle DEADLINE;

        static {
            try {
                DEADLINE = MethodHandles.lookup().findVarHandle(Entry.class, "deadline", long.class);
            } catch (ReflectiveOperationException impossible) {
                throw new ExceptionInInitializerError(impossible);
            }
        }

        final InstanceKey key;
        final Service service;
        /** The host the expiry brake counts the instance for. */
        final String host;
        final long dueNanos;
        private volatile long deadline;
        /** The deadline the due index lists the instance at, at most {@link #deadline}; written by the sweep only. */
        volatile long indexed;
        /** The message that renews this entry undecoded; written under the instance's lock. */
        BeatKey beat;

        Entry(InstanceKey key, Service service, String host, long dueNanos, long deadline) {
            this.key = key;
            this.service = service;
            this.host = host;
            this.dueNanos = dueNanos;
            this.deadline = deadline;
            this.indexed = deadline;
        }

        long deadline() {
            return deadline;
        }

        boolean isRetired() {
            return deadline == RETIRED;
        }

        /** Moves the deadline to {@code later} unless it is later already; false once retired. */
        boolean renewTo(long later) {
            while (true) {
                long current = deadline;
                if (current == RETIRED) {
                    return false;
                }
                if (later - current <= 0 || DEADLINE.compareAndSet(this, current, later)) {
                    return true;
                }
            }
        }

        /** Retires the entry if its deadline is still {@code expected}: false when a heartbeat renewed it. */
        boolean retireAt(long expected) {
            return DEADLINE.compareAndSet(this, expected, RETIRED);
        }

        void retire() {
            deadline = RETIRED;
        }
    }

    /**
     * Each entry lives for the due time it was written with, plus the backstop margin; a read does not extend it,
     * a heartbeat renewing it in place does ({@link #moveBackstop}).
     */
    private static final class DueTime implements Expiry<InstanceKey, Entry> {
        @Override
        public long expireAfterCreate(InstanceKey key, Entry entry, long currentTime) {
            return entry.dueNanos + BACKSTOP_NANOS;
        }

        @Override
        public long expireAfterUpdate(InstanceKey key, Entry entry, long currentTime, long currentDuration) {
            return entry.dueNanos + BACKSTOP_NANOS;
        }

        @Override
        public long expireAfterRead(InstanceKey key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
