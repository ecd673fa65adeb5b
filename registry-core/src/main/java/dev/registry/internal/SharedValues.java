package dev.registry.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hands out one instance of immutable values that many cached instances repeat (service names, networks,
 * versions, hosts, {@code kv} keys and values, whole {@code kv} maps), so that a cache of 100,000 instances of a
 * few hundred services holds each such value about once, not once per instance. A direct-mapped table: a value
 * replaces whatever other value shared its slot, so memory is bounded whatever the bus carries, and a value that
 * is not shared costs nothing but its slot until another takes it. Thread-safe: a slot holds an immutable value,
 * and a lost update only means one copy more.
 *
 * @param <T> the values: immutable, with {@code equals} and {@code hashCode} by content
 */
public final class SharedValues<T> {

    private final AtomicReferenceArray<T> slots;
    private final int mask;

    /** @param slots how many values the table holds at most: a power of two */
    public SharedValues(int slots) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, was " + slots);
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    /** A value equal to {@code value}: the one handed out before when it is still held, else {@code value}. */
    public T share(T value) {
        int hash = value.hashCode();
        int slot = (hash ^ hash >>> 16) & mask;
        T held = slots.get(slot);
        if (value.equals(held)) {
            return held;
        }
        slots.lazySet(slot, value);
        return value;
    }
}
