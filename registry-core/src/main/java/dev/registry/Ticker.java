package dev.registry;

/**
 * A monotonic time source in nanoseconds, injectable so expiry can be tested without sleeping.
 * Only differences between two readings are meaningful. Must be thread-safe.
 */
@FunctionalInterface
public interface Ticker {

    /** Nanoseconds since an arbitrary origin. */
    long read();

    /** {@link System#nanoTime()}, the default. */
    static Ticker system() {
        return System::nanoTime;
    }
}
