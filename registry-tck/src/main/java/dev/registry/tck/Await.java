package dev.registry.tck;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting with a deadline instead of sleeping: polls a condition until it holds or the deadline passes. */
public final class Await {

    /** Deadline for things that should happen "soon" over a real broker on a loaded 2-core machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@link #DEFAULT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** Waits until {@code condition} holds, failing with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            pause(Duration.ofMillis(5));
        }
    }

    /** Checks that {@code invariant} holds all along {@code duration}, failing with {@code what} the first time it does not. */
    public static void holdsFor(Duration duration, String what, BooleanSupplier invariant) {
        long end = System.nanoTime() + duration.toNanos();
        do {
            if (!invariant.getAsBoolean()) {
                throw new AssertionError("no longer true: " + what);
            }
            pause(Duration.ofMillis(5));
        } while (System.nanoTime() < end);
    }

    /** Waits until {@code supplier} returns a value that is not null, and returns it. */
    public static <T> T value(String what, Supplier<T> supplier) {
        Object[] holder = new Object[1];
        until(what, () -> (holder[0] = supplier.get()) != null);
        @SuppressWarnings("unchecked")
        T value = (T) holder[0];
        return value;
    }

    /** A short pause inside a polling loop; not for waiting on an outcome (use {@link #until}). */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
