package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ThreadPositionsTest {

    @Test
    void eachThreadRotatesEachNameInOrderFromWhereItStarted() {
        int first = ThreadPositions.next(101, 5);
        for (int i = 1; i <= 12; i++) {
            assertEquals((first + i) % 5, ThreadPositions.next(101, 5));
        }
    }

    @Test
    void namesInterleavedOnOneThreadKeepTheirOwnRotation() {
        int left = ThreadPositions.next(201, 2);
        int right = ThreadPositions.next(202, 2);
        for (int i = 1; i <= 10; i++) {
            assertEquals((left + i) % 2, ThreadPositions.next(201, 2));
            assertEquals((right + i) % 2, ThreadPositions.next(202, 2));
        }
    }

    @Test
    void aShrunkListWrapsAround() {
        ThreadPositions.next(301, 1_000);
        for (int i = 0; i < 50; i++) {
            int position = ThreadPositions.next(301, 3);
            assertTrue(position >= 0 && position < 3, "position " + position);
        }
    }

    @Test
    void threadsStartAtRandomPlacesSoTheirFirstCallsSpreadOverTheInstances() throws Exception {
        Set<Integer> firsts = new HashSet<>();
        for (int t = 0; t < 64; t++) {
            int[] first = new int[1];
            Thread fresh = new Thread(() -> first[0] = ThreadPositions.next(401, 16));
            fresh.start();
            fresh.join(10_000);
            firsts.add(first[0]);
        }
        // 64 uniform draws over 16 instances hit fewer than 8 distinct ones with probability below 1e-9
        assertTrue(firsts.size() >= 8, "first positions of 64 threads: " + firsts);
    }

    @Test
    void twoNamesSharingASlotStayWithinTheirInstances() {
        int a = 501;
        int b = 501 + 64 * 7; // the same slot, another name
        for (int i = 0; i < 100; i++) {
            int pa = ThreadPositions.next(a, 2);
            int pb = ThreadPositions.next(b, 3);
            assertTrue(pa >= 0 && pa < 2 && pb >= 0 && pb < 3);
        }
    }

    @Test
    void randomStartsAreEvenAndInRangeWhateverTheSize() {
        int a = 601;
        int b = 601 + 64; // the same slot: every call below starts at random
        int[] counts = new int[3];
        for (int i = 0; i < 3_000; i++) {
            counts[ThreadPositions.next(i % 2 == 0 ? a : b, 3)]++;
        }
        // 3,000 uniform draws over 3 positions: each count outside 800..1,200 has probability below 1e-12
        for (int count : counts) {
            assertTrue(count > 800 && count < 1_200, "draws per position: " + Arrays.toString(counts));
        }
        for (int i = 0; i < 100; i++) {
            int position = ThreadPositions.next(i % 2 == 0 ? a : b, Integer.MAX_VALUE);
            assertTrue(position >= 0, "position " + position);
        }
    }
}
