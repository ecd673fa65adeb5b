package dev.registry.internal;

import java.util.Arrays;

/**
 * A register message as a map key that ignores its send time: two messages are equal when their bytes are equal
 * except for the digits of the {@code "Registered":} value, the one part of a heartbeat that changes each beat.
 *
 * <p>Why a message equal to one already accepted decodes to the same service, interval and due time: the digits
 * are a maximal run of 1 to 18 decimal digits without a leading zero, right after the last {@code "Registered":}
 * of the message. The quote before the colon is not escaped (a {@code d} precedes it), so it closes a string, and
 * a run of digits after that string's colon is one JSON integer token outside any string, of the same type (int
 * or long) whatever its digits. Everything else is byte for byte the message accepted before, so the parser meets
 * the same tokens, and only that integer may differ: the {@code t.Registered} time, or a value the decoder skips.
 * Only the replay check of signed messages reads the send time, so a registry that signs never takes this path.
 * Immutable; the bytes are the caller's and must not change.
 */
final class BeatKey {

    private static final int MAX_DIGITS = 18;

    private final byte[] bytes;
    private final int digitsFrom;
    private final int digitsTo;
    private final int hash;

    private BeatKey(byte[] bytes, int digitsFrom, int digitsTo) {
        this.bytes = bytes;
        this.digitsFrom = digitsFrom;
        this.digitsTo = digitsTo;
        this.hash = 31 * hash(bytes, 0, digitsFrom) + hash(bytes, digitsTo, bytes.length);
    }

    /** The key of {@code payload}, or null when it has no send time this key can mask (it then has no fast path). */
    static BeatKey of(byte[] payload) {
        int from = SendTimeField.digitsAt(payload);
        if (from < 0) {
            return null;
        }
        int to = from;
        while (to < payload.length && payload[to] >= '0' && payload[to] <= '9') {
            to++;
        }
        int digits = to - from;
        if (digits == 0 || digits > MAX_DIGITS || digits > 1 && payload[from] == '0') {
            return null;
        }
        return new BeatKey(payload, from, to);
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BeatKey that) || hash != that.hash || digitsFrom != that.digitsFrom
                || bytes.length - digitsTo != that.bytes.length - that.digitsTo) {
            return false;
        }
        return Arrays.equals(bytes, 0, digitsFrom, that.bytes, 0, digitsFrom)
                && Arrays.equals(bytes, digitsTo, bytes.length, that.bytes, that.digitsTo, that.bytes.length);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
