package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class RegistryOptionsTest {

    @Test
    void defaultsAreTheGoLibrarys() {
        RegistryOptions defaults = RegistryOptions.defaults();

        assertEquals(Duration.ofMillis(100), defaults.lookupTimeout());
        assertEquals(Duration.ofSeconds(20), defaults.registerInterval());
        assertEquals(1.5, defaults.dueFactor());
        assertEquals(Duration.ofMillis(200), defaults.dueCheckPeriod());
        assertEquals("registry", defaults.mainTopic());
        assertFalse(defaults.hostName().isBlank());
        assertEquals(64 * 1024, defaults.maxMessageSize());
        assertEquals(0, defaults.defaultFilters().size());
        assertEquals(0, defaults.observeFilters().size());
        assertFalse(defaults.listenerExecutor().isPresent());
    }

    @Test
    void invalidValuesAreRejectedWithTheOptionAndTheValue() {
        RegistryOptions.Builder builder = RegistryOptions.builder();

        assertMessage("lookupTimeout must be > 0, but was PT0S", () -> builder.lookupTimeout(Duration.ZERO));
        assertMessage("registerInterval must be > 0, but was PT-1S", () -> builder.registerInterval(Duration.ofSeconds(-1)));
        assertMessage("registerInterval must be at least 1 ms (the wire carries milliseconds), but was PT0.0005S",
                () -> builder.registerInterval(Duration.ofNanos(500_000)));
        assertMessage("dueFactor must be a finite number >= 1, but was 0.5", () -> builder.dueFactor(0.5));
        assertMessage("dueFactor must be a finite number >= 1, but was NaN", () -> builder.dueFactor(Double.NaN));
        assertMessage("dueCheckPeriod must be > 0, but was null", () -> builder.dueCheckPeriod(null));
        assertMessage("main topic must be dot-separated non-empty tokens without whitespace or wildcards, but was 'a..b'",
                () -> builder.mainTopic("a..b"));
        assertMessage("main topic must not be empty", () -> builder.mainTopic(""));
        assertMessage("hostName must not be blank, but was ' '", () -> builder.hostName(" "));
        assertMessage("maxMessageSize must be >= 256 bytes, but was 10", () -> builder.maxMessageSize(10));
        assertThrows(NullPointerException.class, () -> builder.listenerExecutor(null));
    }

    @Test
    void toBuilderKeepsEveryOption() {
        Executor executor = Runnable::run;
        RegistryOptions options = RegistryOptions.builder().lookupTimeout(Duration.ofSeconds(1))
                .registerInterval(Duration.ofSeconds(2)).dueFactor(3).dueCheckPeriod(Duration.ofMillis(50))
                .mainTopic("team.a").hostName("h").defaultFilter(Filters.passing()).observeFilter(s -> true)
                .listenerExecutor(executor).maxMessageSize(1024).build();

        RegistryOptions copy = options.toBuilder().build();

        assertEquals(options.toString(), copy.toString());
        assertEquals(executor, copy.listenerExecutor().orElseThrow());
        assertEquals("team.a", copy.mainTopic());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
