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
 * those hosts all died at once. One process or one host crashing, however many instances it owned, is an
 * ordinary failure and expires on time. When the brake engages, the due instances are held: a held instance
 * that is heard again is simply refreshed; one not heard for the maximum hold expires then. The brake stays
 * engaged while anything is held, so instances falling due meanwhile are held too; it logs once at WARN per
 * engagement. A host is an instance's {@code h}, or the host part of its address when it has none.
 * Thread-safe: the sweep calls it, and cache changes on transport threads keep its host counts.
 *
 * @param <K> the key of an instance
 */
final class ExpiryBrake<K> {

    static final int MIN_HOSTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ExpiryBrake.class);

    private final boolean enabled;
    private final double share;
    private final long maxHoldNanos;
    private final Runnable engaged;
    private final Map<K, Long> heldSince = new HashMap<>();
    private final Map<String, Integer> cachedPerHost = new HashMap<>();
    private final Deque<Expiry> recentExpiries = new ArrayDeque<>();
    private volatile int heldCount;

    /** @param engaged told each time the brake engages (counted in the registry's stats) */
    ExpiryBrake(boolean enabled, double share, long maxHoldNanos, Runnable engaged) {
        this.enabled = enabled;
        this.share = share;
        this.maxHoldNanos = maxHoldNanos;
        this.engaged = engaged;
    }

    /** The host an instance counts for. */
    static String hostOf(Service service) {
        if (!service.host().isEmpty()) {
            return service.host();
        }
        int colon = service.address().lastIndexOf(':');
        return colon > 0 ? service.address().substring(0, colon) : service.address();
    }

    /** An instance of {@code host} entered the cache. */
    synchronized void cached(String host) {
        if (enabled) {
            cachedPerHost.merge(host, 1, Integer::sum);
        }
    }

    /** An instance of {@code host} left the cache. */
    synchronized void uncached(String host) {
        if (enabled) {
            cachedPerHost.computeIfPresent(host, (h, count) -> count == 1 ? null : count - 1);
        }
    }

    /**
     * Decides, for one sweep, whether its due instances may expire.
     *
     * @param dueHosts the hosts of the instances that fell due in this sweep
     * @param window   the longest due time among them: expiries within it count as one wave
     * @return whether this sweep's due instances are held
     */
    synchronized boolean holds(Set<String> dueHosts, long now, long window) {
        if (!enabled || dueHosts.isEmpty()) {
            return false;
        }
        while (!recentExpiries.isEmpty() && now - recentExpiries.peekFirst().at() > window) {
            recentExpiries.pollFirst();
        }
        if (!heldSince.isEmpty()) {
            return true;
        }
        Set<String> silent = new HashSet<>(dueHosts);
        Set<String> known = new HashSet<>(cachedPerHost.keySet());
        for (Expiry expiry : recentExpiries) {
            silent.add(expiry.host());
            known.add(expiry.host());
        }
        if (silent.size() >= MIN_HOSTS && silent.size() > share * known.size()) {
            LOG.warn("{} of {} hosts went silent within {} ms while the bus answers: holding their instances' expiry"
                    + " (a partition between brokers?) for up to {} ms or until they are heard again", silent.size(),
                    known.size(), window / 1_000_000, maxHoldNanos / 1_000_000);
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
        cachedPerHost.clear();
        recentExpiries.clear();
        heldCount = 0;
    }

    private record Expiry(long at, String host) {
    }
}
