package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.micrometer.RegistryMetrics;
import dev.registry.tck.Broker;
import dev.registry.tck.BrokerExtension;
import dev.registry.tck.Brokers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the starter makes under which conditions, each context on a real nats-server. */
class AutoConfigurationConditionsTest {

    @RegisterExtension
    static final BrokerExtension<Broker> NATS = new BrokerExtension<>(Brokers::nats);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RegistryAutoConfiguration.class,
                    RegistryDiscoveryAutoConfiguration.class, RegistryServiceRegistryAutoConfiguration.class,
                    RegistryLoadBalancerAutoConfiguration.class, RegistryHealthAutoConfiguration.class,
                    RegistryMetricsAutoConfiguration.class, UtilAutoConfiguration.class))
            .withPropertyValues("registry.url=" + Brokers.natsUrl(NATS.server()), "registry.registration.host=127.0.0.1",
                    "spring.application.name=orders");

    @Test
    void makesEveryBeanByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(Registry.class).hasSingleBean(RegistryBus.class).hasSingleBean(ServiceCatalog.class)
                .hasSingleBean(RegistryDiscoveryClient.class).hasSingleBean(RegistryReactiveDiscoveryClient.class)
                .hasSingleBean(RegistryServiceRegistry.class).hasSingleBean(RegistryRegistration.class)
                .hasSingleBean(RegistryAutoRegistration.class).hasSingleBean(RegistryHealthIndicator.class)
                .hasSingleBean(RegistryMetrics.class).hasBean("registryHealthIndicator"));
    }

    @Test
    void makesNothingWhenDisabled() {
        runner.withPropertyValues("registry.enabled=false").run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(Registry.class).doesNotHaveBean(RegistryDiscoveryClient.class)
                .doesNotHaveBean(RegistryServiceRegistry.class).doesNotHaveBean(RegistryHealthIndicator.class)
                .doesNotHaveBean(RegistryMetrics.class));
    }

    @Test
    void followsSpringCloudsDiscoverySwitches() {
        runner.withPropertyValues("spring.cloud.discovery.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(Registry.class).hasSingleBean(RegistryServiceRegistry.class)
                .doesNotHaveBean(ServiceCatalog.class).doesNotHaveBean(RegistryDiscoveryClient.class)
                .doesNotHaveBean(RegistryReactiveDiscoveryClient.class));
        runner.withPropertyValues("spring.cloud.discovery.blocking.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(RegistryDiscoveryClient.class).hasSingleBean(RegistryReactiveDiscoveryClient.class));
        runner.withPropertyValues("spring.cloud.discovery.reactive.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(RegistryDiscoveryClient.class).doesNotHaveBean(RegistryReactiveDiscoveryClient.class));
    }

    @Test
    void followsSpringCloudsServiceRegistrySwitches() {
        runner.withPropertyValues("spring.cloud.service-registry.auto-registration.enabled=false").run(context ->
                assertThat(context).hasSingleBean(RegistryServiceRegistry.class)
                        .doesNotHaveBean(RegistryAutoRegistration.class));
        runner.withPropertyValues("spring.cloud.service-registry.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(RegistryServiceRegistry.class).doesNotHaveBean(RegistryAutoRegistration.class)
                .hasSingleBean(RegistryDiscoveryClient.class));
    }

    @Test
    void backsOffForTheApplicationsOwnBeans() {
        runner.withUserConfiguration(OwnRegistry.class).run(context -> {
            assertThat(context).hasSingleBean(Registry.class).doesNotHaveBean(RegistryBus.class)
                    .doesNotHaveBean(RegistryHealthIndicator.class).hasSingleBean(RegistryDiscoveryClient.class);
            assertThat(context.getBean(Registry.class).options().mainTopic()).isEqualTo("own");
        });
        runner.withUserConfiguration(OwnDiscoveryClient.class).run(context -> assertThat(context)
                .hasSingleBean(RegistryDiscoveryClient.class).hasBean("ownDiscoveryClient")
                .doesNotHaveBean("registryDiscoveryClient"));
    }

    @Test
    void leavesOutWhatNeedsAMissingLibraryOrIsSwitchedOff() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(Registry.class)
                        .doesNotHaveBean(RegistryMetrics.class).doesNotHaveBean(RegistryHealthIndicator.class));
        runner.withPropertyValues("management.health.registry.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(RegistryHealthIndicator.class));
        runner.withClassLoader(new FilteredClassLoader(WebServerApplicationContext.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(RegistryServiceRegistry.class)
                        .doesNotHaveBean(RegistryAutoRegistration.class));
    }

    @Test
    void bindsEveryOptionAndAppliesCustomizersAfterThem() {
        runner.withPropertyValues("registry.main-topic=tenant-a", "registry.lookup-timeout=250ms",
                        "registry.register-interval=5s", "registry.due-factor=2", "registry.due-check-period=50ms",
                        "registry.host-name=web-1", "registry.max-message-size=128KB",
                        "registry.signing-key=0123456789abcdef", "registry.unregister-on-shutdown=false",
                        "registry.name-idle-time=1m", "registry.watchdog-period=100ms", "registry.stall-threshold=2s",
                        "registry.reannounce-window=0s", "registry.expiry-brake.share=0.75",
                        "registry.expiry-brake.max-hold=30s")
                .withBean(RegistryOptionsCustomizer.class, () -> options -> options.defaultFilter(Filters.passing()))
                .run(context -> {
                    RegistryOptions options = context.getBean(Registry.class).options();
                    assertThat(options.mainTopic()).isEqualTo("tenant-a");
                    assertThat(options.lookupTimeout()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.registerInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(options.dueFactor()).isEqualTo(2.0);
                    assertThat(options.dueCheckPeriod()).isEqualTo(Duration.ofMillis(50));
                    assertThat(options.hostName()).isEqualTo("web-1");
                    assertThat(options.maxMessageSize()).isEqualTo(128 * 1024);
                    assertThat(options.signingKey()).hasValueSatisfying(key -> assertThat(key).hasSize(16));
                    assertThat(options.unregisterOnShutdown()).isFalse();
                    assertThat(options.nameIdleTime()).isEqualTo(Duration.ofMinutes(1));
                    assertThat(options.watchdogPeriod()).isEqualTo(Duration.ofMillis(100));
                    assertThat(options.stallThreshold()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(options.reannounceWindow()).isZero();
                    assertThat(options.expiryBrakeShare()).isEqualTo(0.75);
                    assertThat(options.expiryBrakeMaxHold()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(options.defaultFilters()).hasSize(1);
                });
        runner.withPropertyValues("registry.expiry-brake.enabled=false").run(context ->
                assertThat(context.getBean(Registry.class).options().expiryBrakeEnabled()).isFalse());
    }

    @Test
    void registersUnderTheApplicationsNameOnTheFirstNonLoopbackAddressUnlessTold() {
        runner.withPropertyValues("registry.registration.host=").run(context -> {
            RegistryRegistration registration = context.getBean(RegistryRegistration.class);
            assertThat(registration.getServiceId()).isEqualTo("orders");
            assertThat(registration.getHost()).as("resolved by Spring Cloud's InetUtils").isNotBlank();
        });
        runner.withPropertyValues("registry.registration.name=billing", "registry.registration.port=9000",
                "registry.registration.secure=true").run(context -> {
            RegistryRegistration registration = context.getBean(RegistryRegistration.class);
            assertThat(registration.service().address()).isEqualTo("127.0.0.1:9000");
            assertThat(registration.service().url()).isEqualTo("https://127.0.0.1:9000");
            assertThat(registration.getServiceId()).isEqualTo("billing");
        });
    }

    @Test
    void defaultsAreThoseOfRegistryConnect() {
        RegistryOptions fromProperties = new RegistryProperties().applyTo(RegistryOptions.builder()).build();
        assertThat(fromProperties.toString()).isEqualTo(RegistryOptions.defaults().toString());
        assertThat(new RegistryProperties().getUrl()).isEqualTo(dev.registry.EnvironmentConfig.DEFAULT_URL);
    }

    @Test
    void failsTheStartWithTheLibrarysMessageForABadOption() {
        runner.withPropertyValues("registry.lookup-timeout=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("lookupTimeout must be between"));
        runner.withPropertyValues("registry.url=carrier-pigeon://coop").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("no transport for scheme 'carrier-pigeon'"));
        runner.withPropertyValues("spring.application.name=orders.v2").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("orders.v2"));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistry {
        @Bean(destroyMethod = "close")
        Registry ownRegistry() {
            return Registry.connect(Brokers.natsUrl(NATS.server()), RegistryOptions.builder().mainTopic("own").build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDiscoveryClient {
        @Bean
        RegistryDiscoveryClient ownDiscoveryClient(Registry registry) {
            return new RegistryDiscoveryClient(registry, ServiceCatalog.start(registry));
        }
    }
}
