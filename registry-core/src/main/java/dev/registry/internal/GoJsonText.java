package dev.registry.internal;

import com.fasterxml.jackson.core.io.SerializedString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string (value or field name) that a Jackson generator writes exactly as Go's {@code encoding/json} does,
 * for the texts that {@link GoJsonEscapes} leaves to it: those with surrogates. A pair is written as its raw
 * 4-byte UTF-8; a lone surrogate, which has no UTF-8, as the escape of U+FFFD, as Go writes a byte that is not UTF-8.
 * Every other character is escaped by the same rules as {@link GoJsonEscapes}.
 *
 * <p>Jackson writes a {@link SerializedString} from its escaped UTF-8 ({@code _quotedUTF8Ref}), which is set
 * here, once, instead of Jackson's own escaping.
 */
final class GoJsonText extends SerializedString {

    private static final long serialVersionUID = 1L;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    GoJsonText(String value) {
        super(value);
        _quotedUTF8Ref = escape(value);
    }

    /** The UTF-8 of {@code text} escaped as Go's {@code encoding/json} writes it, without the quotes. */
    static byte[] escape(String text) {
        byte[] out = new byte[text.length() + 16];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (out.length - n < 12) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            char c = text.charAt(i);
            if (c < 0x80) {
                int escape = GoJsonEscapes.asciiEscape(c);
                if (escape == 0) {
                    out[n++] = (byte) c;
                } else if (escape > 0) {
                    out[n++] = '\\';
                    out[n++] = (byte) escape;
                } else {
                    n = unicodeEscape(out, n, c);
                }
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c == 0x2028 || c == 0x2029) {
                n = unicodeEscape(out, n, c);
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[n++] = (byte) (0xF0 | codePoint >> 18);
                out[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                n = unicodeEscape(out, n, 0xFFFD);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int unicodeEscape(byte[] out, int n, int c) {
        out[n++] = '\\';
        out[n++] = 'u';
        out[n++] = HEX[c >> 12];
        out[n++] = HEX[c >> 8 & 0xF];
        out[n++] = HEX[c >> 4 & 0xF];
        out[n++] = HEX[c & 0xF];
        return n;
    }
}
