package dev.registry.internal;

import dev.registry.DropReason;
import dev.registry.RegistryStats;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link RegistryStats}: contention-free adders, summed only when a snapshot is taken. */
final class RegistryCounters {

    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder lookupHits = new LongAdder();
    final LongAdder lookupMisses = new LongAdder();
    final LongAdder lookupTimeouts = new LongAdder();
    final LongAdder pingsSent = new LongAdder();
    final LongAdder expiryBrakeEngagements = new LongAdder();
    final LongAdder coldLookups = new LongAdder();
    final LongAdder coldLookupNanos = new LongAdder();
    private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

    RegistryCounters() {
        for (DropReason reason : DropReason.values()) {
            dropped.put(reason, new LongAdder());
        }
    }

    /** A lookup that waited for the bus finished after {@code nanos}. */
    void coldLookup(long nanos) {
        coldLookups.increment();
        coldLookupNanos.add(nanos);
    }

    void dropped(DropReason reason) {
        dropped.get(reason).increment();
    }

    RegistryStats snapshot(long cacheSize, long listenerBacklog, long namesTracked, long expiriesHeld) {
        Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
        dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
        return new RegistryStats(messagesIn.sum(), messagesOut.sum(), drops, cacheSize, lookupHits.sum(),
                lookupMisses.sum(), lookupTimeouts.sum(), pingsSent.sum(), listenerBacklog, namesTracked, expiriesHeld,
                expiryBrakeEngagements.sum(), coldLookups.sum(), coldLookupNanos.sum());
    }
}
