package dev.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheDefaultsAndTheLocalNatsServer() {
        EnvironmentConfig config = EnvironmentConfig.from(Map.of());

        assertEquals("nats://127.0.0.1:4222", config.url());
        assertEquals(RegistryOptions.defaults().toString(), config.options().toString());
    }

    @Test
    void everyOptionVariableSetsItsOption() {
        RegistryOptions options = EnvironmentConfig.from(Map.ofEntries(
                Map.entry("REGISTRY_URL", "redis://127.0.0.1:6379"),
                Map.entry("REGISTRY_PREFIX", "team.a"),
                Map.entry("REGISTRY_LOOKUP_TIMEOUT", "250ms"),
                Map.entry("REGISTRY_REGISTER_INTERVAL", "PT5S"),
                Map.entry("REGISTRY_DUE_FACTOR", "2.5"),
                Map.entry("REGISTRY_DUE_CHECK_PERIOD", "1s"),
                Map.entry("REGISTRY_HOST_NAME", "web-1"),
                Map.entry("REGISTRY_MAX_MESSAGE_SIZE", "1024"),
                Map.entry("REGISTRY_SIGNING_KEY", "0123456789abcdef-shared"),
                Map.entry("REGISTRY_UNREGISTER_ON_SHUTDOWN", "false"))).options();

        assertEquals("team.a", options.mainTopic());
        assertEquals(Duration.ofMillis(250), options.lookupTimeout());
        assertEquals(Duration.ofSeconds(5), options.registerInterval());
        assertEquals(2.5, options.dueFactor());
        assertEquals(Duration.ofSeconds(1), options.dueCheckPeriod());
        assertEquals("web-1", options.hostName());
        assertEquals(1024, options.maxMessageSize());
        assertArrayEquals("0123456789abcdef-shared".getBytes(StandardCharsets.UTF_8), options.signingKey().orElseThrow());
        assertFalse(options.unregisterOnShutdown());
    }

    @Test
    void blankVariablesCountAsUnsetAndValuesAreTrimmed() {
        EnvironmentConfig config = EnvironmentConfig.from(Map.of("REGISTRY_URL", " ", "REGISTRY_PREFIX", "",
                "REGISTRY_LOOKUP_TIMEOUT", " 2s\n"));

        assertEquals("nats://127.0.0.1:4222", config.url());
        assertEquals("registry", config.options().mainTopic());
        assertEquals(Duration.ofSeconds(2), config.options().lookupTimeout());
    }

    @Test
    void theEnvironmentOverridesABuilderAndTheCallerMayOverrideTheEnvironment() {
        EnvironmentConfig config = EnvironmentConfig.from(Map.of("REGISTRY_PREFIX", "from-env"));

        RegistryOptions options = config.applyTo(RegistryOptions.builder().mainTopic("base").lookupTimeout(Duration.ofSeconds(3)))
                .build();
        RegistryOptions overridden = config.applyTo(RegistryOptions.builder()).mainTopic("flag").build();

        assertEquals("from-env", options.mainTopic());
        assertEquals(Duration.ofSeconds(3), options.lookupTimeout(), "an unset variable leaves the builder's value");
        assertEquals("flag", overridden.mainTopic());
    }

    @Test
    void durationsAreReadInGoSyntaxOrIso8601() {
        assertEquals(Duration.ofMillis(100), EnvironmentConfig.parseDuration("100ms"));
        assertEquals(Duration.ofSeconds(20), EnvironmentConfig.parseDuration("20s"));
        assertEquals(Duration.ofSeconds(90), EnvironmentConfig.parseDuration("1m30s"));
        assertEquals(Duration.ofMinutes(90), EnvironmentConfig.parseDuration("1.5h"));
        assertEquals(Duration.ofMillis(500), EnvironmentConfig.parseDuration(".5s"));
        assertEquals(Duration.ofNanos(1_500), EnvironmentConfig.parseDuration("1us500ns"));
        assertEquals(Duration.ofNanos(2_000), EnvironmentConfig.parseDuration("2µs"));
        assertEquals(Duration.ofSeconds(-2), EnvironmentConfig.parseDuration("-2s"));
        assertEquals(Duration.ZERO, EnvironmentConfig.parseDuration("0"));
        assertEquals(Duration.ofSeconds(20), EnvironmentConfig.parseDuration("PT20S"));
        assertEquals(Duration.ofSeconds(20), EnvironmentConfig.parseDuration("pt20s"));

        for (String bad : new String[] {"", "20", "20 s", "s", "1.2.3s", "1d", "ms100", "-", "PT", "P1X", "99999999999h"}) {
            assertThrows(IllegalArgumentException.class, () -> EnvironmentConfig.parseDuration(bad), bad);
        }
    }

    @Test
    void invalidValuesFailWithTheVariableAndTheValue() {
        assertMessage("REGISTRY_LOOKUP_TIMEOUT='20': not a duration (write it as 100ms, 20s, 1m30s or PT20S)",
                Map.of("REGISTRY_LOOKUP_TIMEOUT", "20"));
        assertMessage("REGISTRY_REGISTER_INTERVAL='0s': registerInterval must be between PT0.001S and PT8760H, but was PT0S",
                Map.of("REGISTRY_REGISTER_INTERVAL", "0s"));
        assertMessage("REGISTRY_DUE_CHECK_PERIOD='PT': not an ISO-8601 duration such as PT20S",
                Map.of("REGISTRY_DUE_CHECK_PERIOD", "PT"));
        assertMessage("REGISTRY_DUE_FACTOR='fast': not a number such as 1.5", Map.of("REGISTRY_DUE_FACTOR", "fast"));
        assertMessage("REGISTRY_DUE_FACTOR='0.5': dueFactor must be between 1 and 100, but was 0.5",
                Map.of("REGISTRY_DUE_FACTOR", "0.5"));
        assertMessage("REGISTRY_MAX_MESSAGE_SIZE='64KiB': not a whole number of bytes such as 65536",
                Map.of("REGISTRY_MAX_MESSAGE_SIZE", "64KiB"));
        assertMessage("REGISTRY_PREFIX='a..b': main topic must be dot-separated non-empty tokens without whitespace"
                + " or wildcards, but was 'a..b'", Map.of("REGISTRY_PREFIX", "a..b"));
        assertMessage("REGISTRY_UNREGISTER_ON_SHUTDOWN='maybe': not true or false",
                Map.of("REGISTRY_UNREGISTER_ON_SHUTDOWN", "maybe"));
        assertMessage("REGISTRY_URL='127.0.0.1:4222': not a URL with a scheme, such as nats://127.0.0.1:4222",
                Map.of("REGISTRY_URL", "127.0.0.1:4222"));
    }

    @Test
    void aSigningKeyIsNeverShown() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> EnvironmentConfig.from(Map.of("REGISTRY_SIGNING_KEY", "hunter2")));
        String shown = EnvironmentConfig.from(Map.of("REGISTRY_SIGNING_KEY", "a-secret-of-16-bytes!")).toString();

        assertEquals("REGISTRY_SIGNING_KEY (value not shown, 7 bytes): signingKey must be at least 16 bytes, but was 7 bytes",
                error.getMessage());
        assertFalse(shown.contains("a-secret"), shown);
        assertTrue(shown.contains("REGISTRY_SIGNING_KEY=***"), shown);
    }

    @Test
    void otherVariablesAreIgnored() {
        EnvironmentConfig config = EnvironmentConfig.from(Map.of("REGISTRY_HTTP_ADDR", ":5000", "PATH", "/bin"));

        assertEquals(RegistryOptions.defaults().toString(), config.options().toString());
    }

    private static void assertMessage(String expected, Map<String, String> variables) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EnvironmentConfig.from(variables));
        assertEquals(expected, error.getMessage());
    }
}
