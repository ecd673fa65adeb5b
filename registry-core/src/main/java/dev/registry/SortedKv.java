package dev.registry;

import dev.registry.internal.SharedValues;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * A service's metadata as it is kept once built: an immutable map in key order over one array of keys and values
 * side by side. A cache holds one per instance, so its size matters: one entry costs 48 bytes here and about 120
 * in an unmodifiable view of a {@link java.util.TreeMap}; and instances that carry the same metadata (a zone, a
 * region, a team) share one map, since a copy equal to one recently made is handed out as that one
 * ({@link SharedValues}, process-wide). Lookups search the sorted keys; every change throws
 * {@link UnsupportedOperationException}. Thread-safe (immutable).
 */
final class SortedKv extends AbstractMap<String, String> {

    /** Recently made maps, for copies equal to one of them; 1,024 slots (4 KB) whatever the bus carries. */
    private static final SharedValues<SortedKv> RECENT = new SharedValues<>(1024);

    /** Key 0, value 0, key 1, value 1, ...: keys in ascending order, no duplicates, nothing null. */
    private final String[] keysAndValues;

    private SortedKv(String[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    /**
     * An immutable copy of {@code sorted}, which must have no null key or value; empty gives {@link Map#of()}, and a
     * copy equal to a recent one is that one.
     */
    static Map<String, String> copyOf(SortedMap<String, String> sorted) {
        if (sorted.isEmpty()) {
            return Map.of();
        }
        String[] keysAndValues = new String[sorted.size() * 2];
        int at = 0;
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            keysAndValues[at++] = entry.getKey();
            keysAndValues[at++] = entry.getValue();
        }
        return RECENT.share(new SortedKv(keysAndValues));
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public String get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : keysAndValues[index + 1];
    }

    /** The index of {@code key} in {@link #keysAndValues}, or -1. */
    private int indexOf(Object key) {
        if (!(key instanceof String wanted)) {
            return -1;
        }
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = keysAndValues[middle * 2].compareTo(wanted);
            if (order == 0) {
                return middle * 2;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int at;

                    @Override
                    public boolean hasNext() {
                        return at < keysAndValues.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        at += 2;
                        return Map.entry(keysAndValues[at - 2], keysAndValues[at - 1]);
                    }
                };
            }

            @Override
            public int size() {
                return SortedKv.this.size();
            }
        };
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int at = 0; at < keysAndValues.length; at += 2) {
            hash += keysAndValues[at].hashCode() ^ keysAndValues[at + 1].hashCode();
        }
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof SortedKv that) {
            return Arrays.equals(keysAndValues, that.keysAndValues);
        }
        return super.equals(other);
    }
}
