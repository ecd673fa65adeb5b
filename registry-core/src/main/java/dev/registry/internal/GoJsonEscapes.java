package dev.registry.internal;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Makes a Jackson {@code UTF8JsonGenerator} escape strings byte for byte as Go's {@code encoding/json} does
 * (docs/PROTOCOL.md, section 3), in Jackson's own single pass. Install it on the factory together with
 * {@code JsonWriteFeature.WRITE_HEX_UPPER_CASE} disabled: every six-character escape of an ASCII character here
 * is Jackson's generic one, and Go writes its hex digits in lower case.
 *
 * <p>Jackson cannot write a character outside the BMP as Go does in every case (it escapes the halves of a pair
 * split between two of its internal segments, and pairs a lone high surrogate with whatever char follows), so
 * this class does not let a surrogate through: it throws {@link SurrogateFound}, and the caller writes the
 * message again with {@link GoJsonText}. Texts outside the BMP are rare on the wire; everything else stays on
 * Jackson's fast path.
 */
final class GoJsonEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    static final GoJsonEscapes INSTANCE = new GoJsonEscapes();

    /**
     * Go's escapes of ASCII: backslash and a letter for quote, backslash, newline, carriage return and tab;
     * backslash, {@code u} and four lower-case hex digits for every other control character (backspace and form
     * feed included, as Go before 1.22 writes them) and for {@code < > &} (HTML escaping, Go's default). DEL and
     * {@code /} stay raw.
     */
    private static final int[] ASCII = asciiEscapes();

    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private GoJsonEscapes() {
    }

    private static int[] asciiEscapes() {
        int[] escapes = new int[128];
        for (int c = 0; c < 0x20; c++) {
            escapes[c] = ESCAPE_STANDARD;
        }
        escapes['\n'] = 'n';
        escapes['\r'] = 'r';
        escapes['\t'] = 't';
        escapes['"'] = '"';
        escapes['\\'] = '\\';
        escapes['<'] = ESCAPE_STANDARD;
        escapes['>'] = ESCAPE_STANDARD;
        escapes['&'] = ESCAPE_STANDARD;
        return escapes;
    }

    /** The escape of ASCII character {@code c} as Go writes it: 0 for none, a char for {@code \c}, else negative. */
    static int asciiEscape(int c) {
        return ASCII[c];
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    /** Called by Jackson for every non-ASCII char of a string or field name. */
    @Override
    public SerializableString getEscapeSequence(int ch) {
        if ((ch & 0xF800) == 0xD800) {
            throw SurrogateFound.INSTANCE;
        }
        if (ch == 0x2028) {
            return LINE_SEPARATOR;
        }
        return ch == 0x2029 ? PARAGRAPH_SEPARATOR : null;
    }

    /** The signal that a text holds a surrogate: write the message with {@link GoJsonText}. Preallocated, no stack. */
    static final class SurrogateFound extends RuntimeException {

        private static final long serialVersionUID = 1L;

        static final SurrogateFound INSTANCE = new SurrogateFound();

        private SurrogateFound() {
            super("text holds a surrogate", null, false, false);
        }
    }
}
