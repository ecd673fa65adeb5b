package dev.registry.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Which instances fall due when, to {@link #SLOT_NANOS} (10 ms). Caffeine's timer wheel expires entries only
 * when its ~1.07 s tick passes, so on its own an instance could outlive its due time by a second; the
 * registry's due-check sweep takes the due keys from here instead. A heartbeat moves its instance's key from the
 * old deadline's slot to the new one and an unregister removes it, so the index holds one entry per cached
 * instance and nothing for instances that are gone. Emptied slots stay until their time comes and the sweep
 * drops them, so at most one due time's worth of slots is kept. Thread-safe and lock-free.
 *
 * @param <K> the key of an instance
 */
final class DueIndex<K> {

    static final long SLOT_NANOS = 10_000_000L;

    private final ConcurrentSkipListMap<Long, Set<K>> slots = new ConcurrentSkipListMap<>();

    /** Remembers that {@code key} falls due at {@code deadline} (on the clock of expiry). */
    void add(long deadline, K key) {
        slots.computeIfAbsent(slotOf(deadline), s -> ConcurrentHashMap.newKeySet()).add(key);
    }

    /** Forgets that {@code key} falls due at {@code deadline}: it was heard again or is gone. */
    void remove(long deadline, K key) {
        Set<K> slot = slots.get(slotOf(deadline));
        if (slot != null) {
            slot.remove(key);
        }
    }

    /**
     * Hands every key due by {@code now} to {@code due} and forgets it. A deadline is always in the future
     * when added, so no key is added to a slot this has already drained.
     */
    void drainDue(long now, Consumer<K> due) {
        long current = Math.floorDiv(now, SLOT_NANOS);
        Map.Entry<Long, Set<K>> first;
        while ((first = slots.firstEntry()) != null && first.getKey() <= current) {
            slots.remove(first.getKey());
            first.getValue().forEach(due);
        }
    }

    /**
     * Whether a key added at {@code deadline} is no longer in the index once {@link #drainDue} ran at {@code now}:
     * its slot was handed out.
     */
    static boolean drainedBy(long deadline, long now) {
        return slotOf(deadline) <= Math.floorDiv(now, SLOT_NANOS);
    }

    /** When the earliest listed key can be handed out, on the clock of expiry; {@link Long#MAX_VALUE} if none is listed. */
    long nextDueTime() {
        Map.Entry<Long, Set<K>> first = slots.firstEntry();
        return first == null ? Long.MAX_VALUE : first.getKey() * SLOT_NANOS;
    }

    void clear() {
        slots.clear();
    }

    /** Rounded up: a key is handed out at or after its deadline, never before. */
    private static long slotOf(long deadline) {
        return Math.floorDiv(deadline, SLOT_NANOS) + 1;
    }
}
