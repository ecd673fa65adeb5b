package dev.registry.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.registry.DropReason;
import dev.registry.Service;
import dev.registry.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes and decodes the JSON of docs/PROTOCOL.md with Jackson's streaming API: every message written byte for
 * byte as Go's {@code encoding/json} writes it (field order, omissions, string escapes, {@code kv} key order),
 * and a strict, bounded reader for what arrives from the bus.
 *
 * <p>Strings are escaped in Jackson's single pass by {@link GoJsonEscapes}. A message with a surrogate in any of
 * its texts (a character outside the BMP, or a lone surrogate) is rare, and Jackson does not always write one
 * as Go does: such a message is written a second time, its texts with surrogates through {@link GoJsonText}.
 *
 * <p>Thread-safe and stateless apart from the shared {@link JsonFactory}.
 */
final class WireCodec {

    private static final int MAX_NESTING_DEPTH = 8;

    private final JsonFactory json;
    private final int maxMessageSize;
    /** The texts decoded services repeat, held once: most of what a cached instance would otherwise keep. */
    private final SharedValues<String> shared = new SharedValues<>(4096);

    public WireCodec(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
        this.json = new JsonFactoryBuilder()
                .characterEscapes(GoJsonEscapes.INSTANCE)
                .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(maxMessageSize)
                        .maxNumberLength(32)
                        .build())
                .build();
    }

    /** Incoming messages larger than this many bytes are dropped unread. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** A register message: every service field, then {@code t}, then {@code status} unless passing. */
    public byte[] encodeRegister(Service service, long registeredMillis, long intervalMillis) {
        return write((generator, goText) -> {
            writeServiceFields(generator, service, goText);
            writeTimestamps(generator, registeredMillis, intervalMillis);
            if (service.status() != Status.PASSING) {
                generator.writeStringField("status", service.status().wireName());
            }
        });
    }

    /** {@link #encodeRegister} of {@code service} at every send time to come: only the time is written per message. */
    RegisterTemplate registerTemplate(Service service, long intervalMillis) {
        return RegisterTemplate.of(service, encodeRegister(service, 0, intervalMillis));
    }

    /** An unregister message: the service fields only. */
    public byte[] encodeUnregister(Service service) {
        return write((generator, goText) -> writeServiceFields(generator, service, goText));
    }

    /** An unregister message with {@code t}, so that a signed unregister cannot be replayed later. */
    public byte[] encodeUnregister(Service service, long sentMillis, long intervalMillis) {
        return write((generator, goText) -> {
            writeServiceFields(generator, service, goText);
            writeTimestamps(generator, sentMillis, intervalMillis);
        });
    }

    /**
     * Decodes a register message published on the topic of {@code expectedName}.
     *
     * @throws DroppedMessageException saying why the message is not acceptable
     */
    public Announcement decodeRegister(byte[] payload, String expectedName) throws DroppedMessageException {
        Fields fields = parse(payload, expectedName);
        if (!fields.hasTimestamps) {
            throw new DroppedMessageException(DropReason.MISSING_TIMESTAMPS, "register message without t");
        }
        if (fields.intervalMillis <= 0) {
            throw new DroppedMessageException(DropReason.BAD_DURATION, "Duration " + fields.intervalMillis + " ms");
        }
        return new Announcement(fields.toService(), fields.registeredMillis, fields.intervalMillis);
    }

    /**
     * Decodes an unregister message published on the topic of {@code expectedName}. Its timestamps are zero
     * unless the sender attached them (signed unregisters do).
     *
     * @throws DroppedMessageException saying why the message is not acceptable
     */
    public Announcement decodeUnregister(byte[] payload, String expectedName) throws DroppedMessageException {
        Fields fields = parse(payload, expectedName);
        return new Announcement(fields.toService(), fields.registeredMillis, fields.intervalMillis);
    }

    private Fields parse(byte[] payload, String expectedName) throws DroppedMessageException {
        if (payload.length > maxMessageSize) {
            throw new DroppedMessageException(DropReason.TOO_LARGE, payload.length + " bytes");
        }
        Fields fields = new Fields();
        try (JsonParser parser = json.createParser(payload)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            readObject(parser, fields, shared);
            expect(parser.nextToken() == null, "content after the JSON object");
        } catch (JsonEOFException truncated) {
            throw new DroppedMessageException(DropReason.MALFORMED, "truncated JSON");
        } catch (JsonProcessingException invalid) {
            throw new DroppedMessageException(DropReason.MALFORMED, invalid.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new DroppedMessageException(DropReason.MALFORMED, unreadable.getMessage());
        }
        if (fields.name == null || Names.serviceNameProblem(fields.name) != null) {
            throw new DroppedMessageException(DropReason.INVALID_SERVICE, "missing or invalid name");
        }
        if (!fields.name.equals(expectedName)) {
            throw new DroppedMessageException(DropReason.NAME_MISMATCH,
                    "name '" + fields.name + "' on the topic of '" + expectedName + "'");
        }
        return fields;
    }

    private static void readObject(JsonParser parser, Fields fields, SharedValues<String> shared)
            throws IOException, DroppedMessageException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> fields.name = shared.share(text(parser, value));
                case "add" -> fields.address = text(parser, value);
                case "net" -> fields.network = shared.share(text(parser, value));
                case "url" -> fields.url = text(parser, value);
                case "v" -> fields.version = shared.share(text(parser, value));
                case "h" -> fields.host = shared.share(text(parser, value));
                case "status" -> fields.status = text(parser, value);
                case "kv" -> readKv(parser, value, fields, shared);
                case "t" -> readTimestamps(parser, value, fields);
                default -> parser.skipChildren();
            }
        }
        expect(parser.currentToken() == JsonToken.END_OBJECT, "malformed object");
    }

    private static void readKv(JsonParser parser, JsonToken value, Fields fields, SharedValues<String> shared)
            throws IOException, DroppedMessageException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        expect(value == JsonToken.START_OBJECT, "kv is not an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (fields.kv == null) {
                fields.kv = new TreeMap<>();
            }
            fields.kv.put(shared.share(key), shared.share(text(parser, parser.nextToken())));
        }
    }

    private static void readTimestamps(JsonParser parser, JsonToken value, Fields fields) throws IOException, DroppedMessageException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        expect(value == JsonToken.START_OBJECT, "t is not an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken number = parser.nextToken();
            if ("Registered".equals(field)) {
                fields.registeredMillis = integer(parser, number);
            } else if ("Duration".equals(field)) {
                fields.intervalMillis = integer(parser, number);
                fields.hasTimestamps = true;
            } else {
                parser.skipChildren();
            }
        }
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException, DroppedMessageException {
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        expect(value == JsonToken.VALUE_STRING, "expected a string");
        return parser.getText();
    }

    private static long integer(JsonParser parser, JsonToken value) throws IOException, DroppedMessageException {
        expect(value == JsonToken.VALUE_NUMBER_INT, "expected an integer");
        if (parser.getNumberType() != JsonParser.NumberType.INT && parser.getNumberType() != JsonParser.NumberType.LONG) {
            throw new DroppedMessageException(DropReason.BAD_DURATION, "integer out of range");
        }
        return parser.getLongValue();
    }

    private static void expect(boolean condition, String problem) throws DroppedMessageException {
        if (!condition) {
            throw new DroppedMessageException(DropReason.MALFORMED, problem);
        }
    }

    private static void writeServiceFields(JsonGenerator generator, Service service, boolean goText) throws IOException {
        writeIfSet(generator, "net", service.network(), goText);
        writeIfSet(generator, "add", service.address(), goText);
        writeIfSet(generator, "url", service.url(), goText);
        writeIfSet(generator, "name", service.name(), goText);
        writeIfSet(generator, "v", service.version(), goText);
        writeIfSet(generator, "h", service.host(), goText);
        Map<String, String> kv = service.status() == Status.DRAINING ? withDrainMarker(service.kv()) : service.kv();
        if (!kv.isEmpty()) {
            generator.writeObjectFieldStart("kv");
            if (kv.size() == 1 || inUtf8Order(kv)) {
                for (Map.Entry<String, String> entry : kv.entrySet()) {
                    writeEntry(generator, entry, goText);
                }
            } else {
                List<Map.Entry<String, String>> entries = new ArrayList<>(kv.entrySet());
                entries.sort((a, b) -> compareUtf8(a.getKey(), b.getKey()));
                for (Map.Entry<String, String> entry : entries) {
                    writeEntry(generator, entry, goText);
                }
            }
            generator.writeEndObject();
        }
    }

    private static void writeEntry(JsonGenerator generator, Map.Entry<String, String> entry, boolean goText) throws IOException {
        String key = entry.getKey();
        if (goText && hasSurrogate(key)) {
            generator.writeFieldName(new GoJsonText(key));
        } else {
            generator.writeFieldName(key);
        }
        writeText(generator, entry.getValue(), goText);
    }

    /** A draining instance's kv on the wire: its own entries plus the marker (see {@link Status#DRAINING}). */
    private static Map<String, String> withDrainMarker(Map<String, String> kv) {
        Map<String, String> marked = new TreeMap<>(kv);
        marked.put(Status.DRAIN_MARKER, "true");
        return marked;
    }

    /**
     * Whether the keys of {@code kv}, a map sorted by Java's UTF-16 order, are also in the order of their UTF-8
     * bytes, in which Go writes map keys. They almost always are: the orders differ only between a character
     * outside the BMP and one in U+E000..U+FFFF.
     */
    private static boolean inUtf8Order(Map<String, String> kv) {
        Iterator<String> keys = kv.keySet().iterator();
        String previous = keys.next();
        while (keys.hasNext()) {
            String key = keys.next();
            if (compareUtf8(previous, key) > 0) {
                return false;
            }
            previous = key;
        }
        return true;
    }

    /** Compares two strings by their UTF-8 bytes (code point order) without encoding them. */
    private static int compareUtf8(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /** A char's rank in code point order: surrogates (halves of U+10000 and above) after U+E000..U+FFFF. */
    private static int codePointRank(char c) {
        if (c < 0xD800) {
            return c;
        }
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    private static void writeTimestamps(JsonGenerator generator, long sentMillis, long intervalMillis) throws IOException {
        generator.writeObjectFieldStart("t");
        generator.writeNumberField("Registered", sentMillis);
        generator.writeNumberField("Duration", intervalMillis);
        generator.writeEndObject();
    }

    private static void writeIfSet(JsonGenerator generator, String field, String value, boolean goText) throws IOException {
        if (!value.isEmpty()) {
            generator.writeFieldName(field);
            writeText(generator, value, goText);
        }
    }

    /** Writes a string value; with {@code goText}, one that holds a surrogate through {@link GoJsonText}. */
    private static void writeText(JsonGenerator generator, String value, boolean goText) throws IOException {
        if (goText && hasSurrogate(value)) {
            generator.writeString(new GoJsonText(value));
        } else {
            generator.writeString(value);
        }
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Writes a message with Jackson's escaping, or if a text holds a surrogate, again with {@link GoJsonText}. */
    private byte[] write(FieldWriter body) {
        try {
            return write(body, false);
        } catch (GoJsonEscapes.SurrogateFound surrogate) {
            return write(body, true);
        }
    }

    private byte[] write(FieldWriter body, boolean goText) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(256)) {
            try (JsonGenerator generator = json.createGenerator(bytes)) {
                generator.writeStartObject();
                body.write(generator, goText);
                generator.writeEndObject();
            }
            return bytes.toByteArray();
        } catch (IOException impossibleInMemory) {
            throw new UncheckedIOException(impossibleInMemory);
        }
    }

    @FunctionalInterface
    private interface FieldWriter {
        /** Writes the fields; {@code goText}: each text with a surrogate through {@link GoJsonText}. */
        void write(JsonGenerator generator, boolean goText) throws IOException;
    }

    /** The fields of one message while it is read; empty strings for absent text, as on the wire. */
    private static final class Fields {
        String name;
        String address = "";
        String network = "";
        String url = "";
        String version = "";
        String host = "";
        String status;
        /** Null while the message has no kv entry: most heartbeats carry none. */
        Map<String, String> kv;
        boolean hasTimestamps;
        long registeredMillis;
        long intervalMillis;

        Service toService() throws DroppedMessageException {
            try {
                Status decoded = Status.fromWire(status);
                if (decoded == Status.CRITICAL && kv != null && "true".equals(kv.get(Status.DRAIN_MARKER))) {
                    kv.remove(Status.DRAIN_MARKER);
                    decoded = Status.DRAINING;
                }
                Service.Builder builder = Service.builder(name).address(address).network(network).url(url)
                        .version(version).host(host).status(decoded);
                return (kv == null || kv.isEmpty() ? builder : builder.kv(kv)).build();
            } catch (IllegalArgumentException invalid) {
                throw new DroppedMessageException(DropReason.INVALID_SERVICE, invalid.getMessage());
            }
        }
    }
}
