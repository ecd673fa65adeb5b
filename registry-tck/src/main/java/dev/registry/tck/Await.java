package dev.registry.tck;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Waiting with a deadline instead of sleeping, on Awaitility, in the three shapes the suites use hundreds of
 * times: wait until something holds, check that something keeps holding, wait for a value. Every wait polls
 * every 5 ms, checks at once, evaluates its condition on the calling thread as the hand-written loop it replaced
 * did (Awaitility's default is a thread of its own), and leaves other threads' uncaught exceptions alone (several
 * suites make listeners and filters throw on purpose, which Awaitility would otherwise report as the wait's
 * failure). A wait that fails throws an {@link AssertionError}, as any JUnit assertion does. Stateless and
 * thread-safe.
 */
public final class Await {

    /** Deadline for things that should happen "soon" over a real broker on a loaded 2-core machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(5);

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #DEFAULT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        try {
            await(what, timeout).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw timedOut(what, timeout, e);
        }
    }

    /** Checks that {@code invariant} holds all along {@code duration}, failing with {@code what} the first time it does not. */
    public static void holdsFor(Duration duration, String what, BooleanSupplier invariant) {
        holdsFor(duration, () -> what, invariant);
    }

    /**
     * As {@link #holdsFor(Duration, String, BooleanSupplier)}, with a message built when the invariant breaks,
     * so that it can describe the state that broke it.
     */
    public static void holdsFor(Duration duration, Supplier<String> what, BooleanSupplier invariant) {
        // atMost must exceed during; the slack only matters when evaluating the invariant itself is slow.
        Duration timeout = duration.plus(DEFAULT);
        try {
            await(null, timeout).during(duration).failFast(() -> !invariant.getAsBoolean()).until(invariant::getAsBoolean);
        } catch (TerminalFailureException e) {
            throw new AssertionError("no longer true: " + what.get(), e);
        } catch (ConditionTimeoutException e) {
            throw timedOut("'" + what.get() + "' to hold for " + duration.toMillis() + " ms", timeout, e);
        }
    }

    /** Waits until {@code supplier} returns a value that is not null, and returns it; fails with {@code what} after {@link #DEFAULT}. */
    public static <T> T value(String what, Supplier<T> supplier) {
        try {
            return await(what, DEFAULT).until(supplier::get, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw timedOut(what, DEFAULT, e);
        }
    }

    private static ConditionFactory await(String alias, Duration timeout) {
        return Awaitility.await(alias).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL)
                .pollInSameThread().dontCatchUncaughtExceptions();
    }

    private static AssertionError timedOut(String what, Duration timeout, ConditionTimeoutException cause) {
        return new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what, cause);
    }

    /**
     * Waits for {@code go}, then runs {@code action}: what each of many threads does so that they start at once.
     * An interrupted wait runs nothing (and keeps the interrupt), so whatever the threads were to count falls short.
     */
    static void thenRun(CountDownLatch go, Runnable action) {
        try {
            go.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        action.run();
    }
}
