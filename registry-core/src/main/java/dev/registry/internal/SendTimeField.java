package dev.registry.internal;

import java.nio.charset.StandardCharsets;

/**
 * Where a register message carries its send time: the digits after the last {@code "Registered":}. The one
 * place that finds them, for the heartbeat template that rewrites them and for the key that ignores them.
 * Stateless.
 */
final class SendTimeField {

    /** The bytes right before the send time's digits. */
    static final byte[] MARK = "\"Registered\":".getBytes(StandardCharsets.US_ASCII);

    private SendTimeField() {
    }

    /** The index of the first digit of the send time in {@code message}, or -1 when it has no {@link #MARK}. */
    static int digitsAt(byte[] message) {
        outer:
        for (int at = message.length - MARK.length; at >= 0; at--) {
            for (int i = 0; i < MARK.length; i++) {
                if (message[at + i] != MARK[i]) {
                    continue outer;
                }
            }
            return at + MARK.length;
        }
        return -1;
    }
}
