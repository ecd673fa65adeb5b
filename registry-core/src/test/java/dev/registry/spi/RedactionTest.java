package dev.registry.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksThePasswordAndKeepsTheUser() {
        assertEquals("nats://alice:***@h:4222", Redaction.redact("nats://alice:secret@h:4222"));
        assertEquals("redis://u:***@h:1/2?timeout=5s", Redaction.redact("redis://u:pw@h:1/2?timeout=5s"));
    }

    @Test
    void masksAUserInfoWithoutColonWhole() {
        assertEquals("nats://***@h:4222", Redaction.redact("nats://s3cr3t-token@h:4222"));
        assertEquals("redis-sentinel://***@h1:26379,h2:26380#mymaster", Redaction.redact("redis-sentinel://pw@h1:26379,h2:26380#mymaster"));
    }

    @Test
    void leavesUrlsWithoutSecretsAloneAndMasksWhatItCannotParse() {
        assertEquals("nats://127.0.0.1:4222", Redaction.redact("nats://127.0.0.1:4222"));
        assertEquals("mem://bus", Redaction.redact("mem://bus"));
        assertEquals("***", Redaction.redact("nats://us er:pw@h^:1"));
        assertEquals("not a url", Redaction.redact("not a url"));
    }
}
