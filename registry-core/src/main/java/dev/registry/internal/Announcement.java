package dev.registry.internal;

import dev.registry.Service;

/**
 * A decoded register message (a Go {@code Pong}), or unregister message: the instance and the timestamps its
 * sender attached (zero when an unregister message carries none).
 *
 * @param service          the instance, status included
 * @param registeredMillis sender's wall-clock time of sending, Unix milliseconds (informational: expiry uses the
 *                         receiver's clock)
 * @param intervalMillis   sender's register interval in milliseconds
 */
record Announcement(Service service, long registeredMillis, long intervalMillis) {
}
