package dev.registry.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A blocking query's wait within Consul's bounds, and its jitter. */
class WaitTest {

    @Test
    void theWaitIsFiveMinutesUnlessSetAndTenAtMost() {
        assertEquals(Duration.ofMinutes(5), Wait.bounded(Duration.ZERO));
        assertEquals(Duration.ofMinutes(5), Wait.bounded(Duration.ofSeconds(-1)));
        assertEquals(Duration.ofSeconds(30), Wait.bounded(Duration.ofSeconds(30)));
        assertEquals(Duration.ofMinutes(10), Wait.bounded(Duration.ofMinutes(20)));
    }

    @Test
    void theJitterAddsUpToASixteenth() {
        Duration wait = Duration.ofSeconds(16);
        Duration shortest = Duration.ofDays(1);
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 1_000; i++) {
            Duration jittered = Wait.withJitter(wait);
            assertTrue(jittered.compareTo(wait) >= 0 && jittered.compareTo(wait.plusSeconds(1)) < 0, jittered.toString());
            shortest = jittered.compareTo(shortest) < 0 ? jittered : shortest;
            longest = jittered.compareTo(longest) > 0 ? jittered : longest;
        }
        assertTrue(longest.minus(shortest).compareTo(Duration.ofMillis(500)) > 0, "spread: " + shortest + " to " + longest);
    }

    @Test
    void indexesCompareAsConsulsUnsignedNumbers() {
        Wait seen = new Wait(5, Duration.ofSeconds(1));

        assertTrue(seen.newer(6));
        assertTrue(!seen.newer(5));
        assertTrue(seen.fromBefore(4), "an index beyond the catalog's predates the server");
        assertTrue(new Wait(-1, Duration.ofSeconds(1)).fromBefore(Long.MAX_VALUE), "2^64-1 is beyond every index");
        assertTrue(!new Wait(0, Duration.ofSeconds(1)).blocks());
    }
}
