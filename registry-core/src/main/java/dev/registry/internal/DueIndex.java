package dev.registry.internal;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Which instances fall due when, to {@link #SLOT_NANOS} (10 ms). Caffeine's timer wheel expires entries only
 * when its ~1.07 s tick passes, so on its own an instance could outlive its due time by a second; the
 * registry's due-check sweep takes the due keys from here instead. Each heartbeat adds its key at its new
 * deadline; the older deadlines of a refreshed instance stay behind and are recognised as stale when they
 * come up (the cache's entry has a later deadline), so the index holds about due time / interval entries
 * per instance. Thread-safe and lock-free.
 *
 * @param <K> the key of an instance
 */
final class DueIndex<K> {

    static final long SLOT_NANOS = 10_000_000L;

    private final ConcurrentSkipListMap<Long, Queue<K>> slots = new ConcurrentSkipListMap<>();

    /** Remembers that {@code key} falls due at {@code deadline} (on the clock of expiry). */
    void add(long deadline, K key) {
        // Rounded up: a key is handed out at or after its deadline, never before.
        long slot = Math.floorDiv(deadline, SLOT_NANOS) + 1;
        slots.computeIfAbsent(slot, s -> new ConcurrentLinkedQueue<>()).add(key);
    }

    /**
     * Hands every key due by {@code now} to {@code due} and forgets it. A deadline is always in the future
     * when added, so no key is added to a slot this has already drained.
     */
    void drainDue(long now, Consumer<K> due) {
        long current = Math.floorDiv(now, SLOT_NANOS);
        Map.Entry<Long, Queue<K>> first;
        while ((first = slots.firstEntry()) != null && first.getKey() <= current) {
            slots.remove(first.getKey());
            first.getValue().forEach(due);
        }
    }

    void clear() {
        slots.clear();
    }
}
