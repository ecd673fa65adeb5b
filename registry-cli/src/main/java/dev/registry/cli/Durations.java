package dev.registry.cli;

import java.time.Duration;

/** Durations as the tool prints them, in the syntax it reads: {@code 500ms}, {@code 21s}, {@code 1m30s}. */
final class Durations {

    private Durations() {
    }

    /**
     * {@code duration} in whole milliseconds, as the largest units that write it exactly.
     *
     * @param duration a duration of at least a millisecond
     * @return {@code 500ms}, {@code 1500ms}, {@code 21s}, {@code 1m} or {@code 1m30s}
     */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }
}
