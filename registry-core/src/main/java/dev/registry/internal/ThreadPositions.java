package dev.registry.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The round-robin positions of the calling thread, one per service name, so that load-balanced lookups on many
 * threads write no memory another thread reads: a shared position would move its cache line between cores on
 * every call. Each thread keeps a table of {@value #SLOTS} slots; a name uses the slot of its id (ids are handed
 * out in sequence, so up to {@value #SLOTS} names created one after another never share a slot). A slot remembers
 * which name it holds: a thread that uses it for another name starts that name's rotation at a random instance.
 *
 * <p>So a thread that keeps to its names rotates each of them exactly (n calls of a name with n instances hand out
 * each once), and callers on different threads start at random places, which spreads them evenly across the
 * instances. Two names sharing a slot in one thread fall back to random starts, still even on average. A thread's
 * table (512 B) is made on its first load-balanced lookup and dies with the thread; it is kept small because a
 * server that starts a thread per request (virtual threads) makes one per request. Stateless apart from the
 * thread's own table; thread-safe by construction.
 */
final class ThreadPositions {

    private static final int SLOTS = 64;
    private static final ThreadLocal<long[]> TABLES = ThreadLocal.withInitial(() -> new long[SLOTS]);

    private ThreadPositions() {
    }

    /**
     * The calling thread's next position for the name with id {@code nameId}, in {@code 0..size-1}.
     *
     * @param size the number of instances to choose from, at least 1
     */
    static int next(int nameId, int size) {
        long[] table = TABLES.get();
        int slot = nameId & (SLOTS - 1);
        long held = table[slot];
        int position;
        if ((int) (held >>> 32) == nameId) {
            position = (int) held + 1;
            if (position >= size) {
                position = 0;
            }
        } else {
            // A random start in 0..size-1 by multiply and shift, not nextInt(size): its remainder is a division,
            // which, when a thread cycles through more names than it has slots, is most of a lookup's time.
            position = (int) ((ThreadLocalRandom.current().nextInt() & 0xffff_ffffL) * size >>> 32);
        }
        table[slot] = (long) nameId << 32 | position;
        return position;
    }
}
