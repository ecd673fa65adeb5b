package dev.registry.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The suites' own signer reproduces the signed example of docs/PROTOCOL.md byte for byte. */
class HmacTest {

    @Test
    void signsTheProtocolExampleAsDocumented() {
        Hmac hmac = new Hmac("0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        byte[] unsigned = "{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\",\"t\":{\"Registered\":1795287854754,\"Duration\":1000}}"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals("{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\",\"t\":{\"Registered\":1795287854754,\"Duration\":1000},"
                        + "\"sig\":\"aL6ApRwoGms54bDvYxmb+mKBhOAuzUaKK0KNRIe94Lw=\"}",
                new String(hmac.sign("registry.register.svc2", unsigned), StandardCharsets.UTF_8));
    }
}
