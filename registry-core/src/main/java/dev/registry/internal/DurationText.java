package dev.registry.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a duration written as Go's {@code time.ParseDuration} accepts it ({@code 100ms}, {@code 20s},
 * {@code 1m30s}, {@code 1.5h}; units {@code ns us µs ms s m h}), or as ISO-8601 ({@code PT20S}), so that one
 * environment serves Go and Java processes alike. Stateless and thread-safe.
 */
public final class DurationText {

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

    private static final String SYNTAX = " (write it as 100ms, 20s, 1m30s or PT20S)";

    private DurationText() {
    }

    /**
     * The duration {@code text} denotes. As in Go, a bare number needs a unit except {@code 0}, and a leading
     * sign applies to the whole value; fractions of a nanosecond are dropped.
     *
     * @throws IllegalArgumentException saying why {@code text} is not a duration; the message leaves the text
     *                                  out, for the caller to name where it came from
     */
    public static Duration parse(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty, not a duration" + SYNTAX);
        }
        if (value.toUpperCase(Locale.ROOT).matches("[-+]?P.*")) {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration such as PT20S", e);
            }
        }
        return parseGo(value);
    }

    private static Duration parseGo(String value) {
        int position = 0;
        boolean negative = false;
        if (value.charAt(0) == '-' || value.charAt(0) == '+') {
            negative = value.charAt(0) == '-';
            position = 1;
        }
        if (value.substring(position).equals("0")) {
            return Duration.ZERO;
        }
        if (position == value.length()) {
            throw notADuration();
        }
        BigDecimal nanos = BigDecimal.ZERO;
        while (position < value.length()) {
            int numberStart = position;
            while (position < value.length() && (Character.isDigit(value.charAt(position)) || value.charAt(position) == '.')) {
                position++;
            }
            String number = value.substring(numberStart, position);
            int unitStart = position;
            while (position < value.length() && !Character.isDigit(value.charAt(position)) && value.charAt(position) != '.') {
                position++;
            }
            Long unit = NANOS_PER_UNIT.get(value.substring(unitStart, position));
            if (unit == null || !number.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
                throw notADuration();
            }
            nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unit)));
        }
        BigInteger whole = nanos.toBigInteger();
        if (whole.bitLength() > 63) {
            throw new IllegalArgumentException("too long a duration (over 292 years)");
        }
        long total = whole.longValueExact();
        return Duration.ofNanos(negative ? -total : total);
    }

    private static IllegalArgumentException notADuration() {
        return new IllegalArgumentException("not a duration" + SYNTAX);
    }
}
