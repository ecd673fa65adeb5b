package dev.registry.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Eureka's self-preservation, for the sweep of {@link InstanceCache}: when more than a share of the cached
 * instances (and at least {@value #MIN_INSTANCES}) fall due within one due time while the bus answers, the
 * likelier story is a partition between brokers, not that half the fleet died at once. Those expiries are held:
 * a held instance that is heard again is simply refreshed; one not heard for the maximum hold expires then. The
 * brake stays engaged while anything is held, so instances falling due meanwhile are held too; it logs once at
 * WARN per engagement. Thread-safe: the sweep calls it, and so does an unregister (which releases a held instance).
 *
 * @param <K> the key of an instance
 */
final class ExpiryBrake<K> {

    static final int MIN_INSTANCES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryBrake.class);

    private final boolean enabled;
    private final double share;
    private final long maxHoldNanos;
    private final Runnable engaged;
    private final Map<K, Long> heldSince = new HashMap<>();
    private final Deque<Long> recentExpiries = new ArrayDeque<>();
    private volatile int heldCount;

    /** @param engaged told each time the brake engages (counted in the registry's stats) */
    ExpiryBrake(boolean enabled, double share, long maxHoldNanos, Runnable engaged) {
        this.enabled = enabled;
        this.share = share;
        this.maxHoldNanos = maxHoldNanos;
        this.engaged = engaged;
    }

    /**
     * Decides, for one sweep, whether its due instances may expire.
     *
     * @param due       how many instances fell due in this sweep
     * @param cacheSize instances cached, the due ones included
     * @param window    the longest due time among them: expiries within it count as one wave
     * @return whether this sweep's due instances are held
     */
    synchronized boolean holds(int due, long cacheSize, long now, long window) {
        if (!enabled || due == 0) {
            return false;
        }
        while (!recentExpiries.isEmpty() && now - recentExpiries.peekFirst() > window) {
            recentExpiries.pollFirst();
        }
        if (!heldSince.isEmpty()) {
            return true;
        }
        int wave = due + recentExpiries.size();
        if (wave >= MIN_INSTANCES && wave > share * (cacheSize + recentExpiries.size())) {
            LOG.warn("{} of {} cached instances would expire within {} ms while the bus answers: holding their expiry"
                    + " (a partition between brokers?) for up to {} ms or until they are heard again", wave,
                    cacheSize + recentExpiries.size(), window / 1_000_000, maxHoldNanos / 1_000_000);
            engaged.run();
            return true;
        }
        return false;
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
    synchronized void expired(long now) {
        if (enabled) {
            recentExpiries.addLast(now);
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
}
