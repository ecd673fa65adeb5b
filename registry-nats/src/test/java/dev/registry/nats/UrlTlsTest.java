package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which URLs get the JVM's trust store and the host-name check: those naming a TLS server anywhere in the list. */
class UrlTlsTest {

    @Test
    void aTlsServerAnywhereInTheListWantsTls() {
        assertTrue(UrlTls.wantsTls("tls://10.0.0.1:4222"));
        assertTrue(UrlTls.wantsTls("TLS://10.0.0.1:4222"));
        assertTrue(UrlTls.wantsTls("nats://10.0.0.1:4222, tls://10.0.0.2:4222"));
        assertTrue(UrlTls.wantsTls("wss://nats.example.com:443"));
    }

    @Test
    void plainServersAndOpenTlsDoNot() {
        assertFalse(UrlTls.wantsTls("nats://10.0.0.1:4222,nats://10.0.0.2:4222"));
        assertFalse(UrlTls.wantsTls("10.0.0.1:4222"));
        // jnats' own scheme for TLS that trusts any certificate: an explicit choice, left to jnats
        assertFalse(UrlTls.wantsTls("opentls://10.0.0.1:4222"));
    }
}
