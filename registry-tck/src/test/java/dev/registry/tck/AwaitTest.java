package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The facade keeps the contract the suites were written against, now that Awaitility does the waiting. */
class AwaitTest {

    @Test
    void untilReturnsAsSoonAsTheConditionHoldsAndEvaluatesItOnTheCallingThread() {
        AtomicInteger polls = new AtomicInteger();
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> evaluatedOn = new AtomicReference<>();

        Await.until("the third poll", () -> {
            evaluatedOn.set(Thread.currentThread());
            return polls.incrementAndGet() == 3;
        });

        assertEquals(3, polls.get());
        assertEquals(caller, evaluatedOn.get());
    }

    @Test
    void aTimeoutIsAnAssertionErrorThatSaysWhatWasAwaited() {
        AssertionError timedOut = assertThrows(AssertionError.class,
                () -> Await.until("the impossible", Duration.ofMillis(50), () -> false));

        assertEquals("timed out after 50 ms waiting for: the impossible", timedOut.getMessage());
    }

    @Test
    void anotherThreadsUncaughtExceptionDoesNotFailTheWait() {
        Thread thrower = new Thread(() -> {
            throw new IllegalStateException("a listener that throws on purpose");
        });
        AtomicInteger pollsSinceItDied = new AtomicInteger();

        Await.until("a few polls after another thread threw", () -> {
            if (thrower.getState() == Thread.State.NEW) {
                thrower.start();
            }
            return !thrower.isAlive() && pollsSinceItDied.incrementAndGet() == 5;
        });
    }

    @Test
    void holdsForFailsTheFirstTimeTheInvariantBreaksWithAMessageBuiltThen() {
        AtomicInteger checks = new AtomicInteger();
        long start = System.nanoTime();

        AssertionError broken = assertThrows(AssertionError.class, () -> Await.holdsFor(Duration.ofSeconds(30),
                () -> "broken at check " + checks.get(), () -> checks.incrementAndGet() < 4));

        assertTrue(broken.getMessage().matches("no longer true: broken at check [4-9]"), broken.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                "fails at once, not after the 30 s");
    }

    @Test
    void holdsForReturnsOnceTheInvariantHeldForTheWholeDuration() {
        long start = System.nanoTime();

        Await.holdsFor(Duration.ofMillis(100), "always", () -> true);

        assertTrue(System.nanoTime() - start >= Duration.ofMillis(100).toNanos());
    }

    @Test
    void valueReturnsTheFirstValueThatIsNotNull() {
        AtomicInteger polls = new AtomicInteger();

        assertEquals("ready", Await.value("a value", () -> polls.incrementAndGet() < 3 ? null : "ready"));
    }
}
