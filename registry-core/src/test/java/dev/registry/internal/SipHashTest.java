package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The reference vectors of the SipHash paper (key 00..0f, message 00, 01, ...), framed as SipHash frames them. */
class SipHashTest {

    private static final long K0 = 0x0706050403020100L;
    private static final long K1 = 0x0f0e0d0c0b0a0908L;

    @Test
    void theEmptyMessage() {
        assertEquals(0x726fdb47dd0e0e31L, new SipHash(K0, K1).finish(0));
    }

    @Test
    void oneWholeWord() {
        SipHash hash = new SipHash(K0, K1);
        hash.word(0x0706050403020100L);

        assertEquals(0x93f5f5799a932462L, hash.finish(8L << 56));
    }

    @Test
    void fifteenBytes() {
        SipHash hash = new SipHash(K0, K1);
        hash.word(0x0706050403020100L);

        assertEquals(0xa129ca6149be45e5L, hash.finish(15L << 56 | 0x0e0d0c0b0a0908L));
    }
}
