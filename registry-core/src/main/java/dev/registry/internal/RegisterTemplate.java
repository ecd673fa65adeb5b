package dev.registry.internal;

import dev.registry.Service;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One service's register message with its send time left open: encoded once, then each heartbeat only writes the
 * digits of {@code t.Registered} between the bytes before and after them, instead of encoding the whole service
 * again. The result is byte for byte what {@link WireCodec#encodeRegister} writes for the same service, interval and
 * time (the encoder writes that number as plain decimal digits). Immutable; thread-safe.
 */
final class RegisterTemplate {

    private static final byte[] MARK = "\"Registered\":".getBytes(StandardCharsets.US_ASCII);

    private final Service service;
    private final byte[] before;
    private final byte[] after;

    private RegisterTemplate(Service service, byte[] before, byte[] after) {
        this.service = service;
        this.before = before;
        this.after = after;
    }

    /**
     * The template of {@code service} from its register message encoded with a send time of 0. The last
     * {@code "Registered":} of that message is the one the encoder wrote for {@code t}: a text field holding those
     * characters is written with its quotes escaped.
     */
    static RegisterTemplate of(Service service, byte[] sentAtZero) {
        int mark = lastIndexOf(sentAtZero, MARK);
        int digit = mark + MARK.length;
        if (mark < 0 || digit >= sentAtZero.length || sentAtZero[digit] != '0') {
            throw new IllegalStateException("register message without t.Registered: " + new String(sentAtZero, StandardCharsets.UTF_8));
        }
        return new RegisterTemplate(service, Arrays.copyOfRange(sentAtZero, 0, digit),
                Arrays.copyOfRange(sentAtZero, digit + 1, sentAtZero.length));
    }

    /** The service this template encodes. */
    Service service() {
        return service;
    }

    /** The register message sent at {@code sentMillis} (Unix time in milliseconds). */
    byte[] at(long sentMillis) {
        byte[] digits = Long.toString(sentMillis).getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[before.length + digits.length + after.length];
        System.arraycopy(before, 0, message, 0, before.length);
        System.arraycopy(digits, 0, message, before.length, digits.length);
        System.arraycopy(after, 0, message, before.length + digits.length, after.length);
        return message;
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int at = bytes.length - pattern.length; at >= 0; at--) {
            for (int i = 0; i < pattern.length; i++) {
                if (bytes[at + i] != pattern[i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }
}
