package dev.registry.internal;

import dev.registry.Service;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eureka's self-preservation, for the sweep of {@link InstanceCache}, counted in hosts rather than instances:
 * when more than a share of the hosts whose instances the cache holds (and at least {@value #MIN_HOSTS}) go
 * silent within one due time while the bus answers, the likelier story is a partition between brokers, not that
 * those hosts all died at once. A host counts as silent from the moment it misses a heartbeat (nothing heard
 * for {@value #LATE_INTERVALS} register intervals), not only once it is due. The hosts behind a partition fall
 * due one by one, at their own phases, so the first of them would expire before the wave is seen: while other
 * hosts are silent too but not yet enough of them, a due instance is deferred, for at most one more register
 * interval, by which time every host behind the partition has missed a beat. A host silent alone is never
 * deferred, so an ordinary crash is detected on time. One process or one host crashing, however many instances it owned, is an
 * ordinary failure and expires on time. When the brake engages, the due instances are held: a held instance
 * that is heard again is simply refreshed; one not heard for the maximum hold expires then. The brake stays
 * engaged while anything is held, so instances falling due meanwhile are held too; it logs once at WARN per
 * engagement. A host is an instance's {@code h}, or the host part of its address when it has none.
 *
 * <p>The brake keeps nothing per host or per instance but what it holds: when a sweep finds instances due, it reads
 * when each cached instance was last heard from the cache itself ({@link CachedInstances}), so a heartbeat or a new
 * instance costs the brake nothing, and neither does memory per cached instance. That read is a pass over the cache
 * (a second one when other hosts are late, or enough hosts silent to engage), made only by a sweep that has
 * something due and nothing held. Thread-safe: the sweep calls it; transport threads release instances heard again.
 *
 * @param <K> the key of an instance
 */
final class ExpiryBrake<K> {

    static final int MIN_HOSTS = 3;
    /** A host heard from nothing for this many register intervals missed a beat (peers beat at 90 to 95 % of it). */
    static final double LATE_INTERVALS = 1.1;

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryBrake.class);

    private final boolean enabled;
    private final double share;
    private final long maxHoldNanos;
    private final Runnable engaged;
    private final Map<K, Long> heldSince = new HashMap<>();
    private final double dueFactor;
    private final Deque<Expiry> recentExpiries = new ArrayDeque<>();
    private volatile int heldCount;

    /** @param engaged told each time the brake engages (counted in the registry's stats) */
    ExpiryBrake(boolean enabled, double share, long maxHoldNanos, double dueFactor, Runnable engaged) {
        this.enabled = enabled;
        this.dueFactor = dueFactor;
        this.share = share;
        this.maxHoldNanos = maxHoldNanos;
        this.engaged = engaged;
    }

    /** The host an instance counts for. */
    static String hostOf(Service service) {
        return service.host().isEmpty() ? service.addressHost() : service.host();
    }

    /** What a sweep does with the instances that fell due. */
    enum Decision {
        /** Expire them: an ordinary failure. */
        EXPIRE,
        /**
         * Other hosts are silent too, not yet enough to tell a partition: give each due instance up to one more
         * register interval before it expires, while the rest of a wave, if it is one, falls silent.
         */
        DEFER,
        /** A partition is likely: hold them. */
        HOLD
    }

    /**
     * Decides, for one sweep, what happens to its due instances.
     *
     * @param dueHosts the hosts of the instances that fell due in this sweep
     * @param window   the longest due time among them: expiries within it count as one wave
     * @param cached   every cached instance, to tell which other hosts are silent
     */
    synchronized Decision decide(Set<String> dueHosts, long now, long window, CachedInstances cached) {
        if (!enabled || dueHosts.isEmpty()) {
            return Decision.EXPIRE;
        }
        while (!recentExpiries.isEmpty() && now - recentExpiries.peekFirst().at() > window) {
            recentExpiries.pollFirst();
        }
        if (!heldSince.isEmpty()) {
            return Decision.HOLD;
        }
        Set<String> silent = new HashSet<>(dueHosts);
        recentExpiries.forEach(expiry -> silent.add(expiry.host()));
        Set<String> late = lateHosts(cached, now);
        late.removeAll(silent); // silent already, whatever else they have cached
        if (late.isEmpty() && silent.size() < MIN_HOSTS) {
            return silent.size() > 1 ? Decision.DEFER : Decision.EXPIRE; // the common sweep: one pass
        }
        // A second pass: a late host with an instance heard in time is not silent; and, when enough hosts may be
        // silent to engage, every host is counted.
        Set<String> known = silent.size() + late.size() >= MIN_HOSTS ? new HashSet<>(silent) : null;
        cached.forEach((host, lastHeard, dueNanos) -> {
            if (!late.isEmpty() && !isLate(lastHeard, dueNanos, now)) {
                late.remove(host);
            }
            if (known != null) {
                known.add(host);
            }
        });
        silent.addAll(late);
        if (silent.size() < MIN_HOSTS) {
            return silent.size() > 1 ? Decision.DEFER : Decision.EXPIRE;
        }
        if (silent.size() > share * known.size()) {
            LOG.warn("{} of {} hosts went silent within {} ms while the bus answers: holding their instances' expiry"
                    + " (a partition between brokers?) for up to {} ms or until they are heard again", silent.size(),
                    known.size(), window / 1_000_000, maxHoldNanos / 1_000_000);
            engaged.run();
            return Decision.HOLD;
        }
        return Decision.DEFER;
    }

    /** The hosts with an instance not heard within {@value #LATE_INTERVALS} register intervals. */
    private Set<String> lateHosts(CachedInstances cached, long now) {
        Set<String> late = new HashSet<>();
        cached.forEach((host, lastHeard, dueNanos) -> {
            if (isLate(lastHeard, dueNanos, now)) {
                late.add(host);
            }
        });
        return late;
    }

    private boolean isLate(long lastHeard, long dueNanos, long now) {
        return now - lastHeard > dueNanos / dueFactor * LATE_INTERVALS;
    }

    /** Whether an instance due since {@code overdueNanos}, with due time {@code dueNanos}, may still be deferred. */
    boolean deferrable(long overdueNanos, long dueNanos) {
        return overdueNanos < dueNanos / dueFactor;
    }

    /** Holds {@code key}; returns false when it has been held for the maximum hold and must expire now. */
    synchronized boolean hold(K key, long now) {
        long since = heldSince.computeIfAbsent(key, k -> now);
        if (now - since >= maxHoldNanos) {
            heldSince.remove(key);
            heldCount = heldSince.size();
            return false;
        }
        heldCount = heldSince.size();
        return true;
    }

    /** {@code key} is no longer due (heard again) or gone: release it. */
    synchronized void release(K key) {
        if (heldSince.remove(key) != null) {
            heldCount = heldSince.size();
            if (heldCount == 0) {
                LOG.info("expiry brake released: every held instance was heard again or expired");
            }
        }
    }

    /** Remembers an expiry, for the share of the next sweeps. */
    synchronized void expired(String host, long now) {
        if (enabled) {
            recentExpiries.addLast(new Expiry(now, host));
        }
    }

    /** Instances held now. */
    int held() {
        return heldCount;
    }

    synchronized void clear() {
        heldSince.clear();
        recentExpiries.clear();
        heldCount = 0;
    }

    private record Expiry(long at, String host) {
    }

    /** The cache's instances as the brake reads them: a weakly consistent pass, as a concurrent map's iteration. */
    interface CachedInstances {
        /** Calls {@code visitor} once for each cached instance. */
        void forEach(InstanceVisitor visitor);
    }

    /** Told of one cached instance. */
    interface InstanceVisitor {
        /**
         * @param host      the host it counts for
         * @param lastHeard when it was last heard, on the clock of expiry
         * @param dueNanos  its due time
         */
        void visit(String host, long lastHeard, long dueNanos);
    }
}
