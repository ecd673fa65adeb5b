package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.registry.memory.InMemoryPubsub;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
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
        assertTrue(defaults.unregisterOnShutdown());
        assertFalse(defaults.signingKey().isPresent());
        assertEquals(Duration.ofMinutes(5), defaults.nameIdleTime());
        assertEquals(Duration.ofMillis(250), defaults.watchdogPeriod());
        assertEquals(Duration.ofSeconds(1), defaults.stallThreshold());
        assertTrue(defaults.expiryBrakeEnabled());
        assertEquals(0.5, defaults.expiryBrakeShare());
        assertEquals(Duration.ofMinutes(2), defaults.expiryBrakeMaxHold());
        assertEquals(Duration.ofMillis(500), defaults.reannounceWindow());
    }

    @Test
    void invalidValuesAreRejectedWithTheOptionAndTheValue() {
        RegistryOptions.Builder builder = RegistryOptions.builder();

        assertMessage("lookupTimeout must be between PT0.001S and PT1H, but was PT0S", () -> builder.lookupTimeout(Duration.ZERO));
        assertMessage("registerInterval must be between PT0.001S and PT8760H, but was PT-1S",
                () -> builder.registerInterval(Duration.ofSeconds(-1)));
        assertMessage("registerInterval must be between PT0.001S and PT8760H, but was PT0.0005S",
                () -> builder.registerInterval(Duration.ofNanos(500_000)));
        assertMessage("dueFactor must be between 1 and 100, but was 0.5", () -> builder.dueFactor(0.5));
        assertMessage("dueFactor must be between 1 and 100, but was NaN", () -> builder.dueFactor(Double.NaN));
        assertMessage("dueCheckPeriod must be between PT0.001S and PT1H, but was null", () -> builder.dueCheckPeriod(null));
        assertMessage("main topic must be dot-separated non-empty tokens without whitespace or wildcards, but was 'a..b'",
                () -> builder.mainTopic("a..b"));
        assertMessage("main topic must not be empty", () -> builder.mainTopic(""));
        assertMessage("hostName must not be blank, but was ' '", () -> builder.hostName(" "));
        assertMessage("maxMessageSize must be between 256 and 67108864 bytes, but was 10", () -> builder.maxMessageSize(10));
        assertThrows(NullPointerException.class, () -> builder.listenerExecutor(null));
    }

    @Test
    void toBuilderKeepsEveryOption() {
        Executor executor = Runnable::run;
        RegistryOptions options = RegistryOptions.builder().lookupTimeout(Duration.ofSeconds(1))
                .registerInterval(Duration.ofSeconds(2)).dueFactor(3).dueCheckPeriod(Duration.ofMillis(50))
                .mainTopic("team.a").hostName("h").defaultFilter(Filters.passing()).observeFilter(s -> true)
                .listenerExecutor(executor).maxMessageSize(1024).nameIdleTime(Duration.ofSeconds(7))
                .watchdogPeriod(Duration.ofMillis(100)).stallThreshold(Duration.ofMillis(700)).expiryBrake(0.25)
                .expiryBrakeMaxHold(Duration.ofSeconds(9)).reannounceWindow(Duration.ofMillis(300)).build();

        RegistryOptions copy = options.toBuilder().build();

        assertEquals(options.toString(), copy.toString());
        assertEquals(executor, copy.listenerExecutor().orElseThrow());
        assertEquals("team.a", copy.mainTopic());
        assertEquals(Duration.ofSeconds(7), copy.nameIdleTime());
        assertEquals(Duration.ofMillis(100), copy.watchdogPeriod());
        assertEquals(Duration.ofMillis(700), copy.stallThreshold());
        assertEquals(0.25, copy.expiryBrakeShare());
        assertEquals(Duration.ofSeconds(9), copy.expiryBrakeMaxHold());
        assertEquals(Duration.ofMillis(300), copy.reannounceWindow());
        assertFalse(options.toBuilder().noExpiryBrake().build().expiryBrakeEnabled());
    }

    // ---- bounds: every setter refuses what is out of its stated range, naming the option and the value ----------

    /** One bad value of one option, and how to set it. */
    record Bad(String option, Object value, Consumer<RegistryOptions.Builder> set) {
        @Override
        public String toString() {
            return option + "(" + value + ")";
        }
    }

    static Stream<Bad> outOfRange() {
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        Duration minusForever = Duration.ofSeconds(Long.MIN_VALUE);
        Duration hundredThousandYears = Duration.ofDays(36_500_000);
        Duration minusOneMilli = Duration.ofMillis(-1);
        Duration yearAndAMilli = RegistryOptions.MAX_REGISTER_INTERVAL.plusMillis(1);
        Duration hourAndAMilli = Duration.ofHours(1).plusMillis(1);
        Duration minuteAndAMilli = Duration.ofMinutes(1).plusMillis(1);
        return Stream.of(
                new Bad("registerInterval", forever, b -> b.registerInterval(forever)),
                new Bad("registerInterval", hundredThousandYears, b -> b.registerInterval(hundredThousandYears)),
                new Bad("registerInterval", yearAndAMilli, b -> b.registerInterval(yearAndAMilli)),
                new Bad("registerInterval", minusForever, b -> b.registerInterval(minusForever)),
                new Bad("registerInterval", Duration.ZERO, b -> b.registerInterval(Duration.ZERO)),
                new Bad("lookupTimeout", forever, b -> b.lookupTimeout(forever)),
                new Bad("lookupTimeout", hourAndAMilli, b -> b.lookupTimeout(hourAndAMilli)),
                new Bad("lookupTimeout", minusOneMilli, b -> b.lookupTimeout(minusOneMilli)),
                new Bad("dueCheckPeriod", forever, b -> b.dueCheckPeriod(forever)),
                new Bad("dueCheckPeriod", hourAndAMilli, b -> b.dueCheckPeriod(hourAndAMilli)),
                new Bad("dueCheckPeriod", Duration.ZERO, b -> b.dueCheckPeriod(Duration.ZERO)),
                new Bad("dueFactor", 1e300, b -> b.dueFactor(1e300)),
                new Bad("dueFactor", Double.NaN, b -> b.dueFactor(Double.NaN)),
                new Bad("dueFactor", Double.POSITIVE_INFINITY, b -> b.dueFactor(Double.POSITIVE_INFINITY)),
                new Bad("dueFactor", Double.NEGATIVE_INFINITY, b -> b.dueFactor(Double.NEGATIVE_INFINITY)),
                new Bad("dueFactor", 0.5, b -> b.dueFactor(0.5)),
                new Bad("dueFactor", 100.5, b -> b.dueFactor(100.5)),
                new Bad("nameIdleTime", forever, b -> b.nameIdleTime(forever)),
                new Bad("nameIdleTime", Duration.ofDays(7).plusMillis(1), b -> b.nameIdleTime(Duration.ofDays(7).plusMillis(1))),
                new Bad("nameIdleTime", Duration.ZERO, b -> b.nameIdleTime(Duration.ZERO)),
                new Bad("nameIdleTime", minusOneMilli, b -> b.nameIdleTime(minusOneMilli)),
                new Bad("watchdogPeriod", forever, b -> b.watchdogPeriod(forever)),
                new Bad("watchdogPeriod", minuteAndAMilli, b -> b.watchdogPeriod(minuteAndAMilli)),
                new Bad("watchdogPeriod", Duration.ZERO, b -> b.watchdogPeriod(Duration.ZERO)),
                new Bad("stallThreshold", forever, b -> b.stallThreshold(forever)),
                new Bad("stallThreshold", Duration.ofMinutes(10).plusMillis(1), b -> b.stallThreshold(Duration.ofMinutes(10).plusMillis(1))),
                new Bad("stallThreshold", Duration.ZERO, b -> b.stallThreshold(Duration.ZERO)),
                new Bad("expiryBrake", 0.0, b -> b.expiryBrake(0.0)),
                new Bad("expiryBrake", -0.5, b -> b.expiryBrake(-0.5)),
                new Bad("expiryBrake", 1.5, b -> b.expiryBrake(1.5)),
                new Bad("expiryBrake", 1e300, b -> b.expiryBrake(1e300)),
                new Bad("expiryBrake", Double.NaN, b -> b.expiryBrake(Double.NaN)),
                new Bad("expiryBrake", Double.POSITIVE_INFINITY, b -> b.expiryBrake(Double.POSITIVE_INFINITY)),
                new Bad("expiryBrakeMaxHold", forever, b -> b.expiryBrakeMaxHold(forever)),
                new Bad("expiryBrakeMaxHold", Duration.ofDays(1).plusMillis(1), b -> b.expiryBrakeMaxHold(Duration.ofDays(1).plusMillis(1))),
                new Bad("expiryBrakeMaxHold", Duration.ZERO, b -> b.expiryBrakeMaxHold(Duration.ZERO)),
                new Bad("reannounceWindow", forever, b -> b.reannounceWindow(forever)),
                new Bad("reannounceWindow", minuteAndAMilli, b -> b.reannounceWindow(minuteAndAMilli)),
                new Bad("reannounceWindow", minusOneMilli, b -> b.reannounceWindow(minusOneMilli)),
                new Bad("reannounceWindow", minusForever, b -> b.reannounceWindow(minusForever)),
                new Bad("maxMessageSize", 255, b -> b.maxMessageSize(255)),
                new Bad("maxMessageSize", RegistryOptions.MAX_MESSAGE_SIZE_LIMIT + 1,
                        b -> b.maxMessageSize(RegistryOptions.MAX_MESSAGE_SIZE_LIMIT + 1)),
                new Bad("maxMessageSize", Integer.MAX_VALUE, b -> b.maxMessageSize(Integer.MAX_VALUE)),
                new Bad("maxMessageSize", -1, b -> b.maxMessageSize(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void aValueOutOfItsBoundsIsRejectedNamingTheOptionAndTheValue(Bad bad) {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> bad.set().accept(RegistryOptions.builder()), bad + " (an IllegalArgumentException, never an ArithmeticException)");
        assertNamesOptionAndValue(bad, rejected);
    }

    static Stream<Bad> nulls() {
        return Stream.of(
                new Bad("lookupTimeout", null, b -> b.lookupTimeout(null)),
                new Bad("registerInterval", null, b -> b.registerInterval(null)),
                new Bad("dueCheckPeriod", null, b -> b.dueCheckPeriod(null)),
                new Bad("nameIdleTime", null, b -> b.nameIdleTime(null)),
                new Bad("watchdogPeriod", null, b -> b.watchdogPeriod(null)),
                new Bad("stallThreshold", null, b -> b.stallThreshold(null)),
                new Bad("expiryBrakeMaxHold", null, b -> b.expiryBrakeMaxHold(null)),
                new Bad("reannounceWindow", null, b -> b.reannounceWindow(null)));
    }

    /** A null duration: an IllegalArgumentException, or a NullPointerException, either naming the option and null. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("nulls")
    void aNullDurationIsRejectedNamingTheOption(Bad bad) {
        try {
            bad.set().accept(RegistryOptions.builder());
            fail(bad + " was accepted");
        } catch (IllegalArgumentException | NullPointerException rejected) {
            assertNamesOptionAndValue(bad, rejected);
        }
    }

    @Test
    void aStallThresholdShorterThanTheWatchdogPeriodIsRejectedAtBuild() {
        RegistryOptions.Builder stallFirst = RegistryOptions.builder().stallThreshold(Duration.ofMillis(100))
                .watchdogPeriod(Duration.ofMillis(500));
        RegistryOptions.Builder watchdogFirst = RegistryOptions.builder().watchdogPeriod(Duration.ofMillis(500))
                .stallThreshold(Duration.ofMillis(100));

        for (RegistryOptions.Builder builder : List.of(stallFirst, watchdogFirst)) {
            String message = assertThrows(IllegalArgumentException.class, builder::build).getMessage();
            assertTrue(message.contains("stallThreshold") && message.contains("watchdogPeriod")
                    && message.contains("PT0.1S") && message.contains("PT0.5S"), message);
        }
        RegistryOptions equal = RegistryOptions.builder().watchdogPeriod(Duration.ofMillis(500))
                .stallThreshold(Duration.ofMillis(500)).build();
        assertEquals(equal.watchdogPeriod(), equal.stallThreshold());
        assertThrows(IllegalArgumentException.class, () -> RegistryOptions.defaults().toBuilder()
                .watchdogPeriod(Duration.ofSeconds(2)).build(), "the default stall threshold (1 s) under a 2 s watchdog period");
    }

    /** Every option at the upper bound its documentation states. */
    private static RegistryOptions.Builder atUpperBounds() {
        return RegistryOptions.builder().lookupTimeout(Duration.ofHours(1))
                .registerInterval(RegistryOptions.MAX_REGISTER_INTERVAL).dueFactor(RegistryOptions.MAX_DUE_FACTOR)
                .dueCheckPeriod(Duration.ofHours(1)).maxMessageSize(RegistryOptions.MAX_MESSAGE_SIZE_LIMIT)
                .nameIdleTime(Duration.ofDays(7)).watchdogPeriod(Duration.ofMinutes(1)).stallThreshold(Duration.ofMinutes(10))
                .expiryBrake(1.0).expiryBrakeMaxHold(Duration.ofDays(1)).reannounceWindow(Duration.ofMinutes(1));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        RegistryOptions upper = atUpperBounds().build();

        assertEquals(Duration.ofHours(1), upper.lookupTimeout());
        assertEquals(Duration.ofDays(365), upper.registerInterval());
        assertEquals(100.0, upper.dueFactor());
        assertEquals(Duration.ofHours(1), upper.dueCheckPeriod());
        assertEquals(64 * 1024 * 1024, upper.maxMessageSize());
        assertEquals(Duration.ofDays(7), upper.nameIdleTime());
        assertEquals(Duration.ofMinutes(1), upper.watchdogPeriod());
        assertEquals(Duration.ofMinutes(10), upper.stallThreshold());
        assertEquals(1.0, upper.expiryBrakeShare());
        assertEquals(Duration.ofDays(1), upper.expiryBrakeMaxHold());
        assertEquals(Duration.ofMinutes(1), upper.reannounceWindow());

        Duration milli = Duration.ofMillis(1);
        RegistryOptions lower = RegistryOptions.builder().lookupTimeout(milli).registerInterval(milli).dueFactor(1)
                .dueCheckPeriod(milli).maxMessageSize(256).nameIdleTime(milli).watchdogPeriod(milli).stallThreshold(milli)
                .expiryBrake(Double.MIN_VALUE).expiryBrakeMaxHold(milli).reannounceWindow(Duration.ZERO).build();
        assertEquals(milli, lower.registerInterval());
        assertEquals(Duration.ZERO, lower.reannounceWindow());
        assertEquals(256, lower.maxMessageSize());
    }

    /**
     * Nothing derived from the largest values overflows: the registry registers, answers a ping and looks up
     * (no ArithmeticException, no due time that wrapped into the past, no lookup that waits its hour).
     */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aRegistryWithEveryOptionAtItsUpperBoundRegistersAndLooksUp() {
        String bus = "option-bounds-" + UUID.randomUUID();
        RegistryOptions options = atUpperBounds().unregisterOnShutdown(false).build();
        try (Registry owner = Registry.connect(InMemoryPubsub.connect(bus), options);
             Registry client = Registry.connect(InMemoryPubsub.connect(bus), options)) {
            Registration registration = owner.register(Service.builder("bounded").address("127.0.0.1:1").build());

            // The lookup may wait its hour for an answer: bounded here, so a lost instance fails with a reason.
            Service found;
            try {
                found = client.getServiceAsync("bounded").get(10, TimeUnit.SECONDS);
            } catch (TimeoutException lost) {
                found = fail("no instance 10 s after registering with every option at its upper bound: the instance"
                        + " announced with a " + options.registerInterval() + " interval never reached the client's cache");
            } catch (InterruptedException | ExecutionException e) {
                found = fail("the lookup failed", e);
            }
            assertEquals("127.0.0.1:1", found.address());
            assertEquals("127.0.0.1:1", client.getService("bounded").address());
            assertEquals("127.0.0.1:1", client.findService("bounded", Filters.loadBalance()).orElseThrow().address());
            assertEquals("127.0.0.1:1", owner.getService("bounded", Filters.passing()).address());
            registration.setStatus(Status.WARNING);
            registration.unregister();
            assertFalse(registration.isRegistered());
            assertTrue(client.stats().messagesIn() >= 1, client.stats().toString());
        }
    }

    private static void assertNamesOptionAndValue(Bad bad, RuntimeException rejected) {
        String message = String.valueOf(rejected.getMessage());
        assertTrue(message.contains(bad.option()), bad + ": the message must name the option: " + message);
        assertTrue(message.contains(String.valueOf(bad.value())), bad + ": the message must name the value "
                + bad.value() + ": " + message);
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
