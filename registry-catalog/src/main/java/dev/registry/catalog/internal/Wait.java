package dev.registry.catalog.internal;

import dev.registry.EnvironmentConfig;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code ?index=} and {@code ?wait=} of a blocking query, read as Consul reads them: without an index (or
 * with 0) the query answers at once; with one, it waits until the answer's index is higher, for {@code wait}
 * (5 minutes when absent or not positive, 10 at most) plus up to a sixteenth more of random jitter, so that
 * clients that started together do not all come back together. Immutable.
 *
 * @param index the index the client has seen, compared as an unsigned 64-bit number; 0 for none
 * @param timeout the longest wait, jitter included
 */
record Wait(long index, Duration timeout) {

    /** Consul's wait when none is given. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);
    /** Consul's longest wait. */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);
    /** The jitter is at most the wait divided by this, as in Consul. */
    static final int JITTER_FRACTION = 16;

    /**
     * The wait {@code request} asks for.
     *
     * @throws HttpError 400 {@code Invalid wait time} or {@code Invalid index}, Consul's words
     */
    static Wait of(Request request) throws HttpError {
        Duration wait = DEFAULT_WAIT;
        if (request.has("wait") && !request.first("wait").orElseThrow().isEmpty()) {
            try {
                wait = EnvironmentConfig.parseDuration(request.first("wait").orElseThrow());
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("Invalid wait time");
            }
        }
        long index = 0;
        if (request.has("index") && !request.first("index").orElseThrow().isEmpty()) {
            try {
                index = Long.parseUnsignedLong(request.first("index").orElseThrow());
            } catch (NumberFormatException e) {
                throw HttpError.badRequest("Invalid index");
            }
        }
        return new Wait(index, withJitter(bounded(wait)));
    }

    /** {@code wait} within Consul's bounds: the default when not positive, the maximum when longer. */
    static Duration bounded(Duration wait) {
        if (wait.isNegative() || wait.isZero()) {
            return DEFAULT_WAIT;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** {@code wait} plus a random part of up to {@code wait / 16}. */
    static Duration withJitter(Duration wait) {
        long jitter = wait.toNanos() / JITTER_FRACTION;
        return jitter <= 0 ? wait : wait.plusNanos(ThreadLocalRandom.current().nextLong(jitter));
    }

    /** Whether this query blocks at all: only with an index above 0, as in Consul. */
    boolean blocks() {
        return index != 0;
    }

    /** Whether the client's index is beyond {@code catalogIndex}, the whole catalog's: it predates this server. */
    boolean fromBefore(long catalogIndex) {
        return Long.compareUnsigned(index, catalogIndex) > 0;
    }

    /** Whether an answer of {@code answerIndex} is newer than what the client has seen. */
    boolean newer(long answerIndex) {
        return Long.compareUnsigned(answerIndex, index) > 0;
    }
}
