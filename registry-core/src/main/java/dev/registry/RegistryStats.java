package dev.registry;

import java.util.Map;

/**
 * A point-in-time snapshot of a registry's counters, from {@link Registry#stats()}. Counters only grow
 * during the registry's life.
 *
 * @param messagesIn     messages received from the bus, valid or not
 * @param messagesOut    messages this registry published
 * @param dropped        incoming messages dropped, by reason (every reason present, zero when none)
 * @param cacheSize      instances in the cache now
 * @param lookupHits     lookups answered from the cache
 * @param lookupMisses   lookups that had to ping
 * @param lookupTimeouts lookups that found nothing within the lookup timeout
 * @param pingsSent      pings published (concurrent misses of one name share one)
 * @param listenerBacklog events handed to listeners and watchers but not yet delivered, now
 * @param namesTracked   service names this registry holds state for now (instances, listeners, lookups,
 *                       subscriptions); it falls back as names go idle, so it stays flat under name churn
 * @param expiriesHeld   instances that are due but held by the expiry brake, now
 * @param expiryBrakeEngagements times the expiry brake engaged (a mass expiry held back)
 * @param coldLookups    lookups that had to wait for the bus and have finished (found, not found or failed)
 * @param coldLookupNanos the wall time those lookups waited, in all: with {@code coldLookups}, their mean latency
 */
public record RegistryStats(long messagesIn, long messagesOut, Map<DropReason, Long> dropped, long cacheSize,
                            long lookupHits, long lookupMisses, long lookupTimeouts, long pingsSent,
                            long listenerBacklog, long namesTracked, long expiriesHeld, long expiryBrakeEngagements,
                            long coldLookups, long coldLookupNanos) {

    /** Copies {@code dropped}, so a snapshot never changes. */
    public RegistryStats {
        dropped = Map.copyOf(dropped);
    }

    /** Total dropped messages, all reasons together. */
    public long droppedTotal() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }
}
