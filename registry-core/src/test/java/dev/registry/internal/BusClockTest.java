package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BusClockTest {

    private final BusClock clock = new BusClock(new ManualTicker());

    @Test
    void whenPausedCompletesWhenTheClockStopsAndAFreshOneWaitsOnceItRunsAgain() {
        CompletableFuture<Void> first = clock.whenPaused();
        assertFalse(first.isDone());

        clock.pause(BusClock.Pause.DISCONNECTED);
        assertTrue(first.isDone());
        assertTrue(clock.whenPaused().isDone(), "paused now: at once");

        clock.resume(BusClock.Pause.DISCONNECTED);
        CompletableFuture<Void> next = clock.whenPaused();
        assertNotSame(first, next);
        assertFalse(next.isDone());
    }

    @Test
    void itStaysPausedWhileAnyReasonHolds() {
        clock.pause(BusClock.Pause.DISCONNECTED);
        clock.pause(BusClock.Pause.STALLED);
        clock.resume(BusClock.Pause.DISCONNECTED);

        assertTrue(clock.whenPaused().isDone());
        clock.resume(BusClock.Pause.STALLED);
        assertFalse(clock.whenPaused().isDone());
    }
}
