package dev.registry.tck;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a message as docs/PROTOCOL.md (section "Signing") describes, written from that text rather than shared
 * with the library, so that the suites forge signatures the way any other peer would compute them.
 */
final class Hmac {

    private final SecretKeySpec key;

    Hmac(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** {@code message} (a JSON object) with {@code ,"sig":"<base64 HMAC>"} in place of its closing brace. */
    byte[] sign(String topic, byte[] message) {
        String unsigned = new String(message, StandardCharsets.UTF_8);
        String body = unsigned.substring(0, unsigned.length() - 1);
        String signature = Base64.getEncoder().encodeToString(mac((topic + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        return (body + ",\"sig\":\"" + signature + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private byte[] mac(byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", unavailable);
        }
    }
}
