package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The REGISTRY_* variables as registry.* properties, ranked as environment variables. */
class RegistryEnvironmentPostProcessorTest {

    @Test
    void turnsTheVariablesIntoPropertiesInGosSyntaxToo() {
        RegistryProperties properties = bind(Map.of("REGISTRY_URL", "redis://127.0.0.1:6379",
                "REGISTRY_PREFIX", "tenant-b", "REGISTRY_LOOKUP_TIMEOUT", "1m30s", "REGISTRY_REGISTER_INTERVAL", "1.5h",
                "REGISTRY_DUE_FACTOR", "2.5", "REGISTRY_MAX_MESSAGE_SIZE", "1024", "REGISTRY_SIGNING_KEY", " 0123456789abcdef",
                "REGISTRY_UNREGISTER_ON_SHUTDOWN", "off", "REGISTRY_HOST_NAME", "web-1", "OTHER", "ignored"),
                Map.of());
        assertThat(properties.getUrl()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(properties.getMainTopic()).isEqualTo("tenant-b");
        assertThat(properties.getLookupTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.getRegisterInterval()).isEqualTo(Duration.ofMinutes(90));
        assertThat(properties.getDueFactor()).isEqualTo(2.5);
        assertThat(properties.getMaxMessageSize().toBytes()).isEqualTo(1024);
        assertThat(properties.getSigningKey()).isEqualTo(" 0123456789abcdef");
        assertThat(properties.isUnregisterOnShutdown()).isFalse();
        assertThat(properties.getHostName()).isEqualTo("web-1");
    }

    @Test
    void winOverApplicationPropertiesAndLoseToSystemProperties() {
        StandardEnvironment environment = environment(Map.of("REGISTRY_LOOKUP_TIMEOUT", "300ms",
                "REGISTRY_DUE_CHECK_PERIOD", "50ms"));
        environment.getPropertySources().addLast(new MapPropertySource("application.properties",
                Map.of("registry.lookup-timeout", "5s", "registry.due-check-period", "5s")));
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs",
                Map.of("registry.due-check-period", "70ms")));
        new RegistryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        RegistryProperties properties = bind(environment);
        assertThat(properties.getLookupTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.getDueCheckPeriod()).isEqualTo(Duration.ofMillis(70));
    }

    @Test
    void failsWithTheLibrarysMessageNamingTheVariable() {
        StandardEnvironment environment = environment(Map.of("REGISTRY_DUE_FACTOR", "0.5"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RegistryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("REGISTRY_DUE_FACTOR='0.5'");
    }

    @Test
    void addsNothingWithoutVariables() {
        StandardEnvironment environment = environment(Map.of("PATH", "/usr/bin"));
        new RegistryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getPropertySources().contains(RegistryEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
    }

    private static RegistryProperties bind(Map<String, Object> variables, Map<String, Object> applicationProperties) {
        StandardEnvironment environment = environment(variables);
        environment.getPropertySources().addLast(new MapPropertySource("application.properties", applicationProperties));
        new RegistryEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return bind(environment);
    }

    private static RegistryProperties bind(StandardEnvironment environment) {
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate("registry", RegistryProperties.class);
    }

    /** An environment whose process environment is {@code variables}. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        return environment;
    }
}
