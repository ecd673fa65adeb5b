package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.DropReason;
import dev.registry.Service;
import dev.registry.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WireCodecTest {

    private final WireCodec codec = new WireCodec(64 * 1024);

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aDrainingInstanceIsCriticalWithAMarkerOnTheWireAndDecodesAsDraining() throws Exception {
        Service draining = Service.builder("d").address("1:1").host("h").kv("zone", "eu").status(Status.DRAINING).build();
        byte[] wire = codec.encodeRegister(draining, 1, 1000);
        assertEquals("{\"add\":\"1:1\",\"name\":\"d\",\"h\":\"h\",\"kv\":{\"draining\":\"true\",\"zone\":\"eu\"},"
                + "\"t\":{\"Registered\":1,\"Duration\":1000},\"status\":\"critical\"}", new String(wire, StandardCharsets.UTF_8));
        assertEquals(draining, codec.decodeRegister(wire, "d").service());
        Service critical = Service.builder("d").address("1:1").status(Status.CRITICAL).build();
        assertEquals(critical, codec.decodeRegister(codec.encodeRegister(critical, 1, 1000), "d").service(),
                "critical without the marker stays critical");
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

    /*
     * Go vectors: the exact bytes Go writes, produced by go1.19.8 linux/amd64 (Debian 12 package golang-go
     * 2:1.19~1), encoding/json with its defaults (HTML escaping on). A throwaway program outside this repository
     * declared the structs of github.com/eddieraa/registry (Service with json tags net, add, url, name, v, h, kv,
     * all omitempty; Pong = Service embedded + Timestamps{Registered int64; Duration int} as "t" + Status as
     * "status,omitempty", marshalled through its string name), called json.Marshal on the Pong (register, with
     * Registered 1795288057329 and Duration 1000) and on the Service alone (unregister), and printed each result as
     * the body of a Java string literal: quote and backslash escaped, printable ASCII as is, every other character
     * as a Java Unicode escape (so this file stays ASCII). Go 1.19 writes backspace and form feed as six-character
     * escapes with u0008 and u000c; Go 1.22 and later write them as backslash-b and backslash-f. This library writes
     * the former; every JSON reader decodes both alike.
     *
     * Go strings are bytes and cannot hold a lone surrogate; Go writes each byte that is not UTF-8 as the escape of
     * U+FFFD. The "invalid" vector is Go's output for the bytes "x\xffy", "\xff" and "\xff\xff"; this library writes
     * the same for the lone surrogates of its Java strings.
     */
    private static final long REGISTERED = 1795288057329L;
    private static final long INTERVAL = 1000;

    /** One Go vector; {@code decoded} is what reading it gives back (the service itself but for lone surrogates). */
    record GoVector(String label, Service service, Service decoded, String register, String unregister) {
        GoVector(String label, Service service, String register, String unregister) {
            this(label, service, service, register, unregister);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<GoVector> goVectors() {
        return Stream.of(
            new GoVector("html",
                Service.builder("a<b&c").address("10.0.0.1:80").url("http://h/?a=1&b=<2>").kv("<k>", "&amp;").kv("x", "</script>").build(),
                "{\"add\":\"10.0.0.1:80\",\"url\":\"http://h/?a=1\\u0026b=\\u003c2\\u003e\",\"name\":\"a\\u003cb\\u0026c\",\"kv\":{\"\\u003ck\\u003e\":\"\\u0026amp;\",\"x\":\"\\u003c/script\\u003e\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"10.0.0.1:80\",\"url\":\"http://h/?a=1\\u0026b=\\u003c2\\u003e\",\"name\":\"a\\u003cb\\u0026c\",\"kv\":{\"\\u003ck\\u003e\":\"\\u0026amp;\",\"x\":\"\\u003c/script\\u003e\"}}"),
            new GoVector("quotes",
                Service.builder("q\"\\/").address("[::1]:1").url("C:\\dir\\\"x\"/y").version("\"1\"").host("\\\\srv\\share").status(Status.WARNING).build(),
                "{\"add\":\"[::1]:1\",\"url\":\"C:\\\\dir\\\\\\\"x\\\"/y\",\"name\":\"q\\\"\\\\/\",\"v\":\"\\\"1\\\"\",\"h\":\"\\\\\\\\srv\\\\share\",\"t\":{\"Registered\":1795288057329,\"Duration\":1000},\"status\":\"warning\"}",
                "{\"add\":\"[::1]:1\",\"url\":\"C:\\\\dir\\\\\\\"x\\\"/y\",\"name\":\"q\\\"\\\\/\",\"v\":\"\\\"1\\\"\",\"h\":\"\\\\\\\\srv\\\\share\"}"),
            new GoVector("controls",
                Service.builder("ctl").address("a:1").kv("nrt", "\n\r\t").kv("bf", "\b\f").kv("low", "\0\1\7\13\16\32\37")
                    .kv("del", "\177").kv("sp", " ~").status(Status.CRITICAL).build(),
                "{\"add\":\"a:1\",\"name\":\"ctl\",\"kv\":{\"bf\":\"\\u0008\\u000c\",\"del\":\"\u007F\",\"low\":\"\\u0000\\u0001\\u0007\\u000b\\u000e\\u001a\\u001f\",\"nrt\":\"\\n\\r\\t\",\"sp\":\" ~\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000},\"status\":\"critical\"}",
                "{\"add\":\"a:1\",\"name\":\"ctl\",\"kv\":{\"bf\":\"\\u0008\\u000c\",\"del\":\"\u007F\",\"low\":\"\\u0000\\u0001\\u0007\\u000b\\u000e\\u001a\\u001f\",\"nrt\":\"\\n\\r\\t\",\"sp\":\" ~\"}}"),
            new GoVector("separators",
                Service.builder("sep").address("a:1").url("x\u2028y\u2029z")
                    .kv("near", "\u2027\u202A\u0085\u00A0\uFEFF\u200B\uFFFD\uFFFF").kv("\u2028", "\u2029").build(),
                "{\"add\":\"a:1\",\"url\":\"x\\u2028y\\u2029z\",\"name\":\"sep\",\"kv\":{\"near\":\"\u2027\u202A\u0085\u00A0\uFEFF\u200B\uFFFD\uFFFF\",\"\\u2028\":\"\\u2029\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"a:1\",\"url\":\"x\\u2028y\\u2029z\",\"name\":\"sep\",\"kv\":{\"near\":\"\u2027\u202A\u0085\u00A0\uFEFF\u200B\uFFFD\uFFFF\",\"\\u2028\":\"\\u2029\"}}"),
            new GoVector("astral",
                Service.builder("svc\uD83D\uDE00\uD835\uDD18").address("a:1").host("\uD800\uDC00\uDBFF\uDFFF")
                    .kv("emoji", "\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD").build(),
                "{\"add\":\"a:1\",\"name\":\"svc\uD83D\uDE00\uD835\uDD18\",\"h\":\"\uD800\uDC00\uDBFF\uDFFF\",\"kv\":{\"emoji\":\"\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"a:1\",\"name\":\"svc\uD83D\uDE00\uD835\uDD18\",\"h\":\"\uD800\uDC00\uDBFF\uDFFF\",\"kv\":{\"emoji\":\"\uD83D\uDE00\uD83D\uDC4D\uD83C\uDFFD\"}}"),
            new GoVector("kv order",
                Service.builder("order").address("a:1").kv("b", "1").kv("a", "2").kv("B", "3").kv("ab", "4").kv("a\0", "5")
                    .kv("e", "6").kv("\u00E9", "7").kv("\uE000", "8").kv("\uFFFF", "9").kv("\uD800\uDC00", "10")
                    .kv("\uD83D\uDE00", "11").kv("\u00E9\uD83D\uDE00", "12").kv("\u00E9\uE000", "13").build(),
                "{\"add\":\"a:1\",\"name\":\"order\",\"kv\":{\"B\":\"3\",\"a\":\"2\",\"a\\u0000\":\"5\",\"ab\":\"4\",\"b\":\"1\",\"e\":\"6\",\"\u00E9\":\"7\",\"\u00E9\uE000\":\"13\",\"\u00E9\uD83D\uDE00\":\"12\",\"\uE000\":\"8\",\"\uFFFF\":\"9\",\"\uD800\uDC00\":\"10\",\"\uD83D\uDE00\":\"11\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"a:1\",\"name\":\"order\",\"kv\":{\"B\":\"3\",\"a\":\"2\",\"a\\u0000\":\"5\",\"ab\":\"4\",\"b\":\"1\",\"e\":\"6\",\"\u00E9\":\"7\",\"\u00E9\uE000\":\"13\",\"\u00E9\uD83D\uDE00\":\"12\",\"\uE000\":\"8\",\"\uFFFF\":\"9\",\"\uD800\uDC00\":\"10\",\"\uD83D\uDE00\":\"11\"}}"),
            new GoVector("invalid",
                Service.builder("inv").address("a:1").kv("k", "x\uD800y").kv("lone", "\uDC00").kv("two", "\uDC00\uD800").build(),
                Service.builder("inv").address("a:1").kv("k", "x\uFFFDy").kv("lone", "\uFFFD").kv("two", "\uFFFD\uFFFD").build(),
                "{\"add\":\"a:1\",\"name\":\"inv\",\"kv\":{\"k\":\"x\\ufffdy\",\"lone\":\"\\ufffd\",\"two\":\"\\ufffd\\ufffd\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"a:1\",\"name\":\"inv\",\"kv\":{\"k\":\"x\\ufffdy\",\"lone\":\"\\ufffd\",\"two\":\"\\ufffd\\ufffd\"}}"),
            new GoVector("realistic",
                Service.builder("caf\u00E9-\u670D\u52A1").network("tcp").address("10.0.3.7:8443")
                    .url("https://api.example.com/v1/caf\u00E9?x=1&y=<2>").version("1.2.3-\u03B2").host("h\u00F4te-01")
                    .kv("ep.grpc", "grpc://10.0.3.7:9090").kv("zone", "eu-west/1")
                    .kv("desc", "\u00DCn\u00EFc\u00F6d\u00E9 \"q\" <b>bold</b> & \uD83D\uDE00\n").kv("path", "C:\\tmp\\x")
                    .kv("\u00E9t\u00E9", "\u2028").status(Status.WARNING).build(),
                "{\"net\":\"tcp\",\"add\":\"10.0.3.7:8443\",\"url\":\"https://api.example.com/v1/caf\u00E9?x=1\\u0026y=\\u003c2\\u003e\",\"name\":\"caf\u00E9-\u670D\u52A1\",\"v\":\"1.2.3-\u03B2\",\"h\":\"h\u00F4te-01\",\"kv\":{\"desc\":\"\u00DCn\u00EFc\u00F6d\u00E9 \\\"q\\\" \\u003cb\\u003ebold\\u003c/b\\u003e \\u0026 \uD83D\uDE00\\n\",\"ep.grpc\":\"grpc://10.0.3.7:9090\",\"path\":\"C:\\\\tmp\\\\x\",\"zone\":\"eu-west/1\",\"\u00E9t\u00E9\":\"\\u2028\"},\"t\":{\"Registered\":1795288057329,\"Duration\":1000},\"status\":\"warning\"}",
                "{\"net\":\"tcp\",\"add\":\"10.0.3.7:8443\",\"url\":\"https://api.example.com/v1/caf\u00E9?x=1\\u0026y=\\u003c2\\u003e\",\"name\":\"caf\u00E9-\u670D\u52A1\",\"v\":\"1.2.3-\u03B2\",\"h\":\"h\u00F4te-01\",\"kv\":{\"desc\":\"\u00DCn\u00EFc\u00F6d\u00E9 \\\"q\\\" \\u003cb\\u003ebold\\u003c/b\\u003e \\u0026 \uD83D\uDE00\\n\",\"ep.grpc\":\"grpc://10.0.3.7:9090\",\"path\":\"C:\\\\tmp\\\\x\",\"zone\":\"eu-west/1\",\"\u00E9t\u00E9\":\"\\u2028\"}}"),
            new GoVector("minimal",
                Service.builder("svc2").address("127.0.0.1:9001").host("vm").build(),
                "{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\",\"t\":{\"Registered\":1795288057329,\"Duration\":1000}}",
                "{\"add\":\"127.0.0.1:9001\",\"name\":\"svc2\",\"h\":\"vm\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goVectors")
    void writesTheBytesGoWrites(GoVector vector) {
        assertBytes(vector.register(), codec.encodeRegister(vector.service(), REGISTERED, INTERVAL));
        assertBytes(vector.unregister(), codec.encodeUnregister(vector.service()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goVectors")
    void readsWhatGoWrites(GoVector vector) throws Exception {
        String name = vector.service().name();
        Announcement register = codec.decodeRegister(utf8(vector.register()), name);
        assertEquals(vector.decoded(), register.service());
        assertEquals(REGISTERED, register.registeredMillis());
        assertEquals(INTERVAL, register.intervalMillis());
        assertEquals(vector.decoded().withStatus(Status.PASSING), codec.decodeUnregister(utf8(vector.unregister()), name).service());
    }

    /**
     * Texts longer than Jackson's output segments (1,000 chars): a pair straddles every segment boundary in "emoji",
     * escapes run past them in "html". Go vector (same program, go1.19.8): the register message is 28,505 bytes with
     * this SHA-256.
     */
    @Test
    void writesLongTextsAsGoDoes() throws Exception {
        Service service = Service.builder("long").address("a:1").kv("emoji", "a" + "\uD83D\uDE00".repeat(1500))
                .kv("html", "<&>\u2028\n\1".repeat(700)).build();

        byte[] message = codec.encodeRegister(service, REGISTERED, INTERVAL);

        assertEquals(28_505, message.length);
        assertEquals("494f0aac8138dbd7981d897978305eb1f73fdf32d6cedcc5f4587b6b7548f9db",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(message)));
        assertEquals(service, codec.decodeRegister(message, "long").service());
    }

    /** Jackson's escaping (most texts) and {@link GoJsonText} (texts with surrogates) write every text alike. */
    @Test
    void bothEscapingPathsAgree() {
        char[] alphabet = ("\0\1\b\t\n\f\r\37 !\"&'/<>\\az~\177\u0080\u00E9\u07FF\u0800\u2027\u2028\u2029\u202A"
                + "\u670D\uD7FF\uE000\uFEFF\uFFFD\uFFFF").toCharArray();
        Random random = new Random(42);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = round % 100 == 0 ? 2_500 : random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            if (round % 2 == 0 && !text.isEmpty()) {
                text.insert(random.nextInt(text.length()), random.nextBoolean() ? "\uD83D\uDE00" : "\uDC00");
            }
            String value = text.toString();
            String key = "k" + value;
            String escapedValue = new String(GoJsonText.escape(value), StandardCharsets.UTF_8);
            String escapedKey = new String(GoJsonText.escape(key), StandardCharsets.UTF_8);

            assertBytes("{\"add\":\"a:1\",\"name\":\"r\",\"kv\":{\"" + escapedKey + "\":\"" + escapedValue + "\"}}",
                    codec.encodeUnregister(Service.builder("r").address("a:1").kv(key, value).build()));
        }
    }

    private static void assertBytes(String expected, byte[] actual) {
        assertEquals(expected, new String(actual, StandardCharsets.UTF_8));
        assertArrayEquals(utf8(expected), actual);
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
