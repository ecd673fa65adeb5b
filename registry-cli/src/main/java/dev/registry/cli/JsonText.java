package dev.registry.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The tool's JSON, for scripts ({@code --json}, e.g. piped to {@code jq}): records ({@link InstanceJson},
 * {@link EventJson}) and lists of them, written by Jackson databind. Thread-safe: Jackson's writers are immutable.
 */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private JsonText() {
    }

    /**
     * {@code value} as JSON text.
     *
     * @param value a record, list or map of the tool's JSON records and strings
     * @param pretty indented over several lines (Jackson's default pretty printer), else on one line
     * @return the text, without a line separator at the end
     */
    static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : COMPACT).writeValueAsString(value);
        } catch (IOException e) {
            // Only a type Jackson cannot write fails here, and the tool writes its own records only: a bug.
            throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }
}
