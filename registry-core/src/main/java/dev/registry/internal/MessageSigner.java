package dev.registry.internal;

import dev.registry.DropReason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Optional message authentication with a shared key: appends an HMAC-SHA256 of the topic and the message as a
 * last JSON field {@code "sig"} (a Go peer ignores it), and checks it on arrival. The MAC covers the topic, so
 * a signed message cannot be replayed on another topic; it covers the exact bytes, so nothing is re-encoded to
 * verify. Thread-safe: each thread uses its own {@link Mac}.
 */
final class MessageSigner {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] SIG_FIELD = ",\"sig\":\"".getBytes(StandardCharsets.US_ASCII);
    /** Base64 of 32 bytes, then the closing quote and brace. */
    private static final int SIG_TAIL = 44 + 2;

    private final ThreadLocal<Mac> macs;

    public MessageSigner(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(spec);
                return mac;
            } catch (GeneralSecurityException unavailable) {
                throw new IllegalStateException("HmacSHA256 is not available in this JVM", unavailable);
            }
        });
    }

    /** {@code message} (a JSON object) with its signature appended as the last field. */
    public byte[] sign(String topic, byte[] message) {
        byte[] signature = Base64.getEncoder().encode(mac(topic, message, message.length - 1));
        int body = message.length - 1;
        byte[] signed = Arrays.copyOf(message, body + SIG_FIELD.length + signature.length + 2);
        System.arraycopy(SIG_FIELD, 0, signed, body, SIG_FIELD.length);
        System.arraycopy(signature, 0, signed, body + SIG_FIELD.length, signature.length);
        signed[signed.length - 2] = '"';
        signed[signed.length - 1] = '}';
        return signed;
    }

    /**
     * The message without its signature, if the signature is present, last and right.
     *
     * @throws DroppedMessageException {@link DropReason#UNSIGNED} or {@link DropReason#BAD_SIGNATURE}
     */
    public byte[] verify(String topic, byte[] signed) throws DroppedMessageException {
        int sigStart = signed.length - SIG_TAIL - SIG_FIELD.length;
        if (sigStart <= 0 || !regionEquals(signed, sigStart, SIG_FIELD) || signed[signed.length - 2] != '"'
                || signed[signed.length - 1] != '}') {
            throw new DroppedMessageException(DropReason.UNSIGNED, "no signature as last field");
        }
        byte[] unsigned = Arrays.copyOf(signed, sigStart + 1);
        unsigned[sigStart] = '}';
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(Arrays.copyOfRange(signed, sigStart + SIG_FIELD.length, signed.length - 2));
        } catch (IllegalArgumentException notBase64) {
            throw new DroppedMessageException(DropReason.BAD_SIGNATURE, "signature is not base64");
        }
        if (!MessageDigest.isEqual(claimed, mac(topic, unsigned, unsigned.length - 1))) {
            throw new DroppedMessageException(DropReason.BAD_SIGNATURE, "signature does not match");
        }
        return unsigned;
    }

    /** The MAC of the topic, a newline, and the message up to (not including) its closing brace at {@code end}. */
    private byte[] mac(String topic, byte[] message, int end) {
        Mac mac = macs.get();
        mac.update(topic.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        mac.update(message, 0, end);
        return mac.doFinal();
    }

    private static boolean regionEquals(byte[] bytes, int offset, byte[] expected) {
        return Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
