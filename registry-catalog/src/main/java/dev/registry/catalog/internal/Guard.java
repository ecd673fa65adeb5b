package dev.registry.catalog.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the part of a request that completes later, off the thread that received it, so that a bug there still
 * answers the client ({@code 500} with the reason, as Consul answers an internal error) instead of leaving its
 * connection open until it times out. Stateless.
 */
final class Guard {

    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    private Guard() {
    }

    /** Runs {@code answer}, which answers {@code request}; answers 500 if it throws. */
    static void run(Request request, Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException e) {
            LOG.warn("cannot answer {} {}", request.method(), request.exchange().getRequestURI(), e);
            Responses.error(request, new HttpError(500, String.valueOf(e.getMessage())), Map.of());
        }
    }
}
