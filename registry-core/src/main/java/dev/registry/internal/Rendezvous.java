package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.Service;
import dev.registry.Status;
import java.util.List;

/**
 * {@code Filters.sticky(key)}: the same instance for the same key while it is passing, by rendezvous (highest
 * random weight) hashing: every instance gets a score from a hash of the key and its address, and the highest
 * wins. When an instance leaves, only the keys it won move (to their second-best), and when one joins it takes
 * only the keys it now wins: about 1/n of them, with no ring to build or rebalance and no state at all, which
 * suits a list that changes under lookups. Instances that are not passing are skipped while any is passing.
 * Allocation-free apart from the one-element result.
 */
public final class Rendezvous implements Filter {

    private final long keyHash;

    /** Sticks calls with {@code key} (a session, a user, a tenant) to one instance. */
    public Rendezvous(String key) {
        this.keyHash = mix(key.hashCode() * 0x9E3779B97F4A7C15L);
    }

    @Override
    public List<Service> apply(List<Service> instances) {
        Service best = pick(instances, true);
        if (best == null) {
            best = pick(instances, false);
        }
        return best == null ? List.of() : List.of(best);
    }

    private Service pick(List<Service> instances, boolean passingOnly) {
        Service best = null;
        long bestScore = Long.MIN_VALUE;
        for (int i = 0; i < instances.size(); i++) {
            Service candidate = instances.get(i);
            if (passingOnly && candidate.status() != Status.PASSING) {
                continue;
            }
            long score = mix(keyHash ^ candidate.address().hashCode());
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** MurmurHash3's 64-bit finalizer: spreads every input bit over the whole score. */
    private static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
