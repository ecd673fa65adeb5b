package dev.registry.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hands out one instance of texts that many cached instances repeat (service names, networks, versions, hosts,
 * {@code kv} keys and values), so that a cache of 100,000 instances of a few hundred services holds each such
 * text about once, not once per instance. A direct-mapped table of {@value #SLOTS} slots: a text replaces whatever
 * other text shared its slot, so memory is bounded whatever the bus carries, and a text that is not shared costs
 * nothing but its slot until another takes it. Thread-safe: a slot holds an immutable string, and a lost update
 * only means one copy more.
 */
final class SharedTexts {

    private static final int SLOTS = 4096;

    private final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(SLOTS);

    /** A string equal to {@code text}: the one handed out before when it is still held, else {@code text}. */
    String share(String text) {
        int hash = text.hashCode();
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        String held = slots.get(slot);
        if (text.equals(held)) {
            return held;
        }
        slots.lazySet(slot, text);
        return text;
    }
}
