package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.DropReason;
import dev.registry.Service;
import dev.registry.Status;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireCodecTest {

    private final WireCodec codec = new WireCodec(64 * 1024);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesFieldsInGoOrderWithEmptyFieldsAndPassingStatusOmitted() {
        Service service = Service.builder("svc2").address("127.0.0.1:9001").host("vm").build();

        assertEquals("{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\",\"t\":{\"Registered\":1795287854754,\"Duration\":1000}}",
                new String(codec.encodeRegister(service, 1795287854754L, 1000), StandardCharsets.UTF_8));
        assertEquals("{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\",\"t\":{\"Registered\":1795287854754,\"Duration\":1000},\"status\":\"warning\"}",
                new String(codec.encodeRegister(service.withStatus(Status.WARNING), 1795287854754L, 1000), StandardCharsets.UTF_8));
        assertEquals("{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\"}",
                new String(codec.encodeUnregister(service.withStatus(Status.CRITICAL)), StandardCharsets.UTF_8));
    }

    @Test
    void escapesTextAndSortsKv() {
        Service service = Service.builder("q").address("a:1").kv("z", "\"quoted\"\n").kv("a", "é").build();

        assertEquals("{\"add\":\"a:1\",\"name\":\"q\",\"kv\":{\"a\":\"é\",\"z\":\"\\\"quoted\\\"\\n\"}}",
                new String(codec.encodeUnregister(service), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsEveryField() throws Exception {
        Service service = Service.builder("full").network("tcp").address("127.0.0.1:8443").url("https://x/api")
                .version("1.2.3").host("h1").kv("w", "5").kv("zone", "eu").status(Status.CRITICAL).build();

        Announcement decoded = codec.decodeRegister(codec.encodeRegister(service, 42, 1000), "full");

        assertEquals(service, decoded.service());
        assertEquals(42, decoded.registeredMillis());
        assertEquals(1000, decoded.intervalMillis());
    }

    @Test
    void ignoresUnknownFieldsAndReadsUnknownStatusAsPassing() throws Exception {
        Announcement decoded = codec.decodeRegister(utf8("{\"name\":\"a\",\"add\":\"1:1\",\"extra\":{\"deep\":[1,2,{}]},"
                + "\"t\":{\"Registered\":1,\"Duration\":5,\"Other\":true},\"status\":\"degraded\",\"sig\":\"x\"}"), "a");

        assertEquals(Status.PASSING, decoded.service().status());
        assertEquals(Map.of(), decoded.service().kv());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json                 | {nope                                                                     | MALFORMED",
        "array                    | []                                                                        | MALFORMED",
        "trailing content         | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":5}} {}                 | MALFORMED",
        "truncated                | {\"name\":\"a\",\"add\":\"1:1\"                                               | MALFORMED",
        "name not a string        | {\"name\":5,\"add\":\"1:1\",\"t\":{\"Duration\":5}}                         | MALFORMED",
        "kv value not a string    | {\"name\":\"a\",\"add\":\"1:1\",\"kv\":{\"k\":1},\"t\":{\"Duration\":5}}      | MALFORMED",
        "duration not a number    | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":\"5\"}}                  | MALFORMED",
        "duration fractional      | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":5.5}}                    | MALFORMED",
        "too deeply nested        | {\"x\":[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]],\"name\":\"a\"}                       | MALFORMED",
        "missing name             | {\"add\":\"1:1\",\"t\":{\"Duration\":5}}                                     | INVALID_SERVICE",
        "invalid name             | {\"name\":\"a.b\",\"add\":\"1:1\",\"t\":{\"Duration\":5}}                     | INVALID_SERVICE",
        "missing address          | {\"name\":\"a\",\"t\":{\"Duration\":5}}                                      | INVALID_SERVICE",
        "other name than topic    | {\"name\":\"b\",\"add\":\"1:1\",\"t\":{\"Duration\":5}}                       | NAME_MISMATCH",
        "missing timestamps       | {\"name\":\"a\",\"add\":\"1:1\"}                                              | MISSING_TIMESTAMPS",
        "zero duration            | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":0}}                       | BAD_DURATION",
        "negative duration        | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":-1}}                      | BAD_DURATION",
        "duration beyond a long   | {\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":99999999999999999999}}    | BAD_DURATION",
    })
    void dropsBadRegisterMessagesWithTheirReason(String label, String json, DropReason reason) {
        DroppedMessageException dropped = assertThrows(DroppedMessageException.class, () -> codec.decodeRegister(utf8(json.strip()), "a"));
        assertEquals(reason, dropped.reason(), label + ": " + dropped.getMessage());
    }

    @Test
    void acceptsEveryIntervalAGoPeerCanSend() throws Exception {
        for (long interval : new long[] {1, 86_400_001L, 172_800_000L, Long.MAX_VALUE}) {
            Announcement announcement = codec.decodeRegister(utf8("{\"name\":\"a\",\"add\":\"1:1\",\"t\":{\"Duration\":" + interval + "}}"), "a");
            assertEquals(interval, announcement.intervalMillis());
        }
    }

    @Test
    void dropsInvalidUtf8AndOversizedMessages() {
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals(DropReason.MALFORMED,
                assertThrows(DroppedMessageException.class, () -> codec.decodeRegister(invalidUtf8, "a")).reason());

        WireCodec small = new WireCodec(256);
        byte[] big = utf8("{\"name\":\"a\",\"add\":\"1:1\",\"kv\":{\"k\":\"" + "x".repeat(300) + "\"},\"t\":{\"Duration\":5}}");
        assertEquals(DropReason.TOO_LARGE, assertThrows(DroppedMessageException.class, () -> small.decodeRegister(big, "a")).reason());
    }

    @Test
    void unregisterNeedsNoTimestamps() throws Exception {
        assertEquals(Service.builder("a").address("1:1").build(), codec.decodeUnregister(utf8("{\"name\":\"a\",\"add\":\"1:1\"}"), "a").service());
    }
}
