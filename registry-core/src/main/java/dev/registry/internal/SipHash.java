package dev.registry.internal;

/**
 * SipHash-2-4 (Aumasson and Bernstein, 2012), a keyed pseudo-random function, fed whole little-endian 64-bit words:
 * two rounds per {@link #word}, the last word given to {@link #finish}, then four rounds. The caller frames its
 * input into words unambiguously (SipHash's own framing puts the length in the last word's top byte). Mutable; one
 * hash on one thread.
 */
final class SipHash {
    private long v0;
    private long v1;
    private long v2;
    private long v3;

    /** A hash under the 128-bit key {@code k0, k1} (the key's first and second eight bytes, little-endian). */
    SipHash(long k0, long k1) {
        v0 = k0 ^ 0x736f6d6570736575L;
        v1 = k1 ^ 0x646f72616e646f6dL;
        v2 = k0 ^ 0x6c7967656e657261L;
        v3 = k1 ^ 0x7465646279746573L;
    }

    /** Feeds one word. */
    void word(long m) {
        v3 ^= m;
        rounds(2);
        v0 ^= m;
    }

    /** Feeds the last word and returns the 64-bit hash; the hash must not be used after. */
    long finish(long last) {
        word(last);
        v2 ^= 0xff;
        rounds(4);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private void rounds(int count) {
        for (int i = 0; i < count; i++) {
            v0 += v1;
            v1 = Long.rotateLeft(v1, 13) ^ v0;
            v0 = Long.rotateLeft(v0, 32);
            v2 += v3;
            v3 = Long.rotateLeft(v3, 16) ^ v2;
            v0 += v3;
            v3 = Long.rotateLeft(v3, 21) ^ v0;
            v2 += v1;
            v1 = Long.rotateLeft(v1, 17) ^ v2;
            v2 = Long.rotateLeft(v2, 32);
        }
    }
}
