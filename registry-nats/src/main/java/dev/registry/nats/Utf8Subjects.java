package dev.registry.nats;

import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * The subject of a delivered message as the string its UTF-8 bytes on the wire spell, which is how nats.go and
 * nats-server read subjects, so that a Go registry's {@code registry.register.café} is this transport's
 * {@code registry.register.café} too.
 *
 * <p>What jnats 2.26 does: it writes the subject of every {@code PUB} and {@code SUB} as UTF-8 whatever the
 * connection's options say, so publishing and subscribing need nothing from this class. Reading differs by
 * mode. With {@link Options#supportUTF8Subjects()} it decodes the {@code MSG} line as UTF-8. Without it (its
 * default, and the option of a caller's connection is the caller's) it widens each byte of the line to one
 * {@code char} with a sign-extending cast, so {@code café} (bytes {@code 63 61 66 C3 A9}) reaches the handler as
 * {@code "caf\uFFC3\uFFA9"}, which matches no name of any payload. Routing is not affected: jnats finds the
 * subscription by its id, never by the subject.
 */
final class Utf8Subjects {

    private Utf8Subjects() {
    }

    /**
     * What turns the subject jnats reports for a message on a connection with {@code options} into the
     * subject's text: nothing when jnats decodes UTF-8 itself, {@link #fromByteChars} when it does not.
     */
    static UnaryOperator<String> decoderFor(Options options) {
        return options.supportUTF8Subjects() ? UnaryOperator.identity() : Utf8Subjects::fromByteChars;
    }

    /**
     * The text of a subject that jnats read one byte per {@code char}: the string itself when it is ASCII
     * (no copy: registry topics usually are), else its bytes decoded as UTF-8, with U+FFFD for bytes that are
     * not UTF-8 (as jnats' own UTF-8 mode and nats.go's string conversion do not reject them either).
     */
    static String fromByteChars(String subject) {
        int length = subject.length();
        int ascii = 0;
        while (ascii < length && subject.charAt(ascii) < 0x80) {
            ascii++;
        }
        if (ascii == length) {
            return subject;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            // the low 8 bits are the byte, whether jnats sign-extended it (it does) or not
            bytes[i] = (byte) subject.charAt(i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
