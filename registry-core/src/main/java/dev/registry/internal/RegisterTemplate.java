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
        int digit = SendTimeField.digitsAt(sentAtZero);
        if (digit < 0 || digit >= sentAtZero.length || sentAtZero[digit] != '0') {
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
}
