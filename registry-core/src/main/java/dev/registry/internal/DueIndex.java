package dev.registry.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Which instances fall due when, to {@link #SLOT_NANOS} (10 ms). Caffeine's timer wheel expires entries only
 * when its ~1.07 s tick passes, so on its own an instance could outlive its due time by a second; the
 * registry's due-check sweep takes the due keys from here instead.
 *
 * <p>A heartbeat does not move its instance's listing: the sweep, handed a key, looks at the instance as it is now
 * and drops a listing that is out of date (see {@code InstanceCache.expireDue}). So a listing costs one reference
 * in its slot's array, not an entry of a hash set, and a heartbeat touches no slot at all. Only an instance that
 * leaves the cache or is replaced is taken out ({@link #remove}, a scan of its slot), so that the index holds
 * nothing of instances that are gone. A slot is dropped once its time has come and it was handed out, so at most
 * one due time's worth of slots is kept. Thread-safe: slots in a concurrent skip list, each appended to
 * under its own lock.
 *
 * @param <K> the key of an instance
 */
final class DueIndex<K> {

    static final long SLOT_NANOS = 10_000_000L;

    private final ConcurrentSkipListMap<Long, Slot<K>> slots = new ConcurrentSkipListMap<>();

    /** Lists {@code key} as falling due at {@code deadline} (on the clock of expiry). */
    void add(long deadline, K key) {
        Long slot = slotOf(deadline);
        while (!slots.computeIfAbsent(slot, s -> new Slot<>()).add(key)) {
            Thread.onSpinWait(); // handed out while this was adding (its time had come): list the key in a new one
        }
    }

    /** Takes {@code key} out of the slot of {@code deadline}, where it was listed: its instance is gone or replaced. */
    void remove(long deadline, K key) {
        Slot<K> slot = slots.get(slotOf(deadline));
        if (slot != null) {
            slot.remove(key);
        }
    }

    /**
     * Hands every key listed by {@code now} to {@code due} and forgets it. A deadline is always in the future
     * when added, so no key is added to a slot this has already drained.
     */
    void drainDue(long now, Consumer<K> due) {
        long current = Math.floorDiv(now, SLOT_NANOS);
        Map.Entry<Long, Slot<K>> first;
        while ((first = slots.firstEntry()) != null && first.getKey() <= current) {
            slots.remove(first.getKey(), first.getValue());
            first.getValue().close().forEach(due);
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
        Map.Entry<Long, Slot<K>> first = slots.firstEntry();
        return first == null ? Long.MAX_VALUE : first.getKey() * SLOT_NANOS;
    }

    void clear() {
        slots.clear();
    }

    /** Rounded up: a key is handed out at or after its deadline, never before. */
    private static long slotOf(long deadline) {
        return Math.floorDiv(deadline, SLOT_NANOS) + 1;
    }

    /** The keys of one slot: appended to until the sweep closes it to hand them out. */
    private static final class Slot<K> {
        private Object[] keys = new Object[4];
        private int size;
        private boolean closed;

        /** Appends {@code key}; false once the slot was handed out. */
        synchronized boolean add(K key) {
            if (closed) {
                return false;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
            return true;
        }

        /** Takes one listing of {@code key} out, if there is one (the order of a slot's keys does not matter). */
        synchronized void remove(K key) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    keys[i] = keys[--size];
                    keys[size] = null;
                    return;
                }
            }
        }

        /** Closes the slot and returns its keys. */
        @SuppressWarnings("unchecked")
        synchronized List<K> close() {
            closed = true;
            return (List<K>) Arrays.asList(Arrays.copyOf(keys, size));
        }
    }
}
