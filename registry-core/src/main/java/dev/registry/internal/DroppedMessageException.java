package dev.registry.internal;

import dev.registry.DropReason;

/**
 * Thrown by the codec for a message that must be dropped. Expected on a shared bus, so it carries no stack
 * trace (cheap to throw, nothing to log).
 */
final class DroppedMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    private final DropReason reason;

    public DroppedMessageException(DropReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public DropReason reason() {
        return reason;
    }
}
