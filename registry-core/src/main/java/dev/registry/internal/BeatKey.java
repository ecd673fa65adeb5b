package dev.registry.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * A register message as a map key that ignores its send time, kept as a 64-bit keyed fingerprint rather than the
 * message itself: two keys are equal when the messages' bytes but for the digits of the {@code "Registered":}
 * value, the one part of a heartbeat that changes each beat, have the same fingerprint.
 *
 * <p>Why a message equal to one already accepted decodes to the same service, interval and due time: the digits
 * are a maximal run of 1 to 18 decimal digits without a leading zero, right after the last {@code "Registered":}
 * of the message. The quote before the colon is not escaped (a {@code d} precedes it), so it closes a string, and
 * a run of digits after that string's colon is one JSON integer token outside any string, of the same type (int
 * or long) whatever its digits. Everything else is byte for byte the message accepted before, so the parser meets
 * the same tokens, and only that integer may differ: the {@code t.Registered} time, or a value the decoder skips.
 * Only the replay check of signed messages reads the send time, so a registry that signs never takes this path.
 *
 * <p>Why a fingerprint: a cache keeps one key per instance, and the message (about 200 bytes) was most of what an
 * instance cost. The fingerprint is SipHash-2-4 ({@link SipHash}), a pseudo-random function, under a key drawn at
 * random for each process, over an unambiguous encoding of the message without its digits (the bytes before them,
 * then the bytes after, each padded to whole 8-byte words, then both lengths). Two different messages share a
 * fingerprint by chance with probability 2^-64; a peer on the bus, not knowing the key, cannot aim
 * for one. Were it to happen, the changed message would only renew the instance the other came from, on the same
 * name's topic (the caller checks that), without its change, until a message with another fingerprint came.
 *
 * <p>Immutable; allocates nothing but itself.
 */
final class BeatKey {

    private static final int MAX_DIGITS = 18;
    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K0;
    private static final long K1;

    static {
        SecureRandom random = new SecureRandom();
        K0 = random.nextLong();
        K1 = random.nextLong();
    }

    /** The fingerprint alone, since it covers both lengths too: 24 bytes a key, where keeping them took 32. */
    private final long fingerprint;

    private BeatKey(long fingerprint) {
        this.fingerprint = fingerprint;
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
        SipHash hash = new SipHash(K0, K1);
        absorb(hash, payload, 0, from);
        absorb(hash, payload, to, payload.length);
        return new BeatKey(hash.finish((long) from << 32 | (payload.length - to)));
    }

    /** Feeds {@code bytes[from, to)} to {@code hash} in little-endian 8-byte words, the last one padded with zeros. */
    private static void absorb(SipHash hash, byte[] bytes, int from, int to) {
        int at = from;
        for (; at + Long.BYTES <= to; at += Long.BYTES) {
            hash.word((long) LITTLE_ENDIAN_LONG.get(bytes, at));
        }
        if (at < to) {
            long last = 0;
            for (int shift = 0; at < to; at++, shift += Byte.SIZE) {
                last |= (bytes[at] & 0xffL) << shift;
            }
            hash.word(last);
        }
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof BeatKey that && fingerprint == that.fingerprint;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fingerprint);
    }
}
