package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Utf8Subjects} without a broker: the subject strings jnats makes in each mode, decoded. */
class Utf8SubjectsTest {

    @Test
    void anAsciiSubjectIsReturnedAsItIsWithoutACopy() {
        String subject = "registry.register.orders";

        assertSame(subject, Utf8Subjects.fromByteChars(subject));
    }

    @Test
    void bytesWidenedWithSignExtensionAsJnatsDoesAreDecodedAsUtf8() {
        for (String name : NatsUtf8SubjectsTest.NAMES) {
            String subject = "registry.register." + name;

            assertEquals(subject, Utf8Subjects.fromByteChars(byteChars(subject, true)), name);
        }
    }

    @Test
    void bytesWidenedWithoutSignExtensionAreDecodedToo() {
        String subject = "registry.register.emoji😀";

        assertEquals(subject, Utf8Subjects.fromByteChars(byteChars(subject, false)));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharacters() {
        assertEquals("a.\uFFFD", Utf8Subjects.fromByteChars("a." + (char) (byte) 0xC3));
    }

    @Test
    void aConnectionThatDecodesUtf8ItselfGetsTheSubjectUnchanged() {
        Options utf8 = new Options.Builder().supportUTF8Subjects().build();
        String decoded = "registry.register.café";

        assertSame(decoded, Utf8Subjects.decoderFor(utf8).apply(decoded));
        assertEquals(decoded, Utf8Subjects.decoderFor(new Options.Builder().build()).apply(byteChars(decoded, true)));
    }

    /** {@code text}'s UTF-8 bytes one per char, as jnats' reader makes a subject without UTF-8 support. */
    private static String byteChars(String text, boolean signExtended) {
        StringBuilder chars = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            chars.append(signExtended ? (char) b : (char) (b & 0xFF));
        }
        return chars.toString();
    }
}
