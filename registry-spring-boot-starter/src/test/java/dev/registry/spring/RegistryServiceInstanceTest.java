package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.registry.Service;
import dev.registry.Status;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How a registry instance looks to Spring Cloud. */
class RegistryServiceInstanceTest {

    @Test
    void takesHostPortAndSchemeFromTheUrl() {
        RegistryServiceInstance instance = RegistryServiceInstance.of(Service.builder("orders").address("10.0.0.5:8080")
                .url("https://orders.example:8443/api").version("1.4.0").kv("zone", "eu-1").build());
        assertThat(instance.getServiceId()).isEqualTo("orders");
        assertThat(instance.getInstanceId()).isEqualTo("orders@10.0.0.5:8080");
        assertThat(instance.getHost()).isEqualTo("orders.example");
        assertThat(instance.getPort()).isEqualTo(8443);
        assertThat(instance.isSecure()).isTrue();
        assertThat(instance.getScheme()).isEqualTo("https");
        assertThat(instance.getUri()).isEqualTo(URI.create("https://orders.example:8443"));
        assertThat(instance.getMetadata()).containsExactly(
                entry("zone", "eu-1"),
                entry("version", "1.4.0"),
                entry("status", "passing"));
    }

    @Test
    void takesTheSchemesDefaultPortWhenTheUrlHasNone() {
        assertThat(RegistryServiceInstance.of(Service.builder("a").address("h:1").url("https://h").build()).getPort())
                .isEqualTo(443);
        assertThat(RegistryServiceInstance.of(Service.builder("a").address("h:1").url("http://h").build()).getPort())
                .isEqualTo(80);
    }

    @Test
    void takesTheAddressWithoutAUrl() {
        RegistryServiceInstance instance = RegistryServiceInstance.of(Service.builder("orders").address("10.0.0.5:8080")
                .status(Status.CRITICAL).build());
        assertThat(instance.getHost()).isEqualTo("10.0.0.5");
        assertThat(instance.getPort()).isEqualTo(8080);
        assertThat(instance.isSecure()).isFalse();
        assertThat(instance.getUri()).isEqualTo(URI.create("http://10.0.0.5:8080"));
        assertThat(instance.getMetadata()).containsOnlyKeys("status").containsEntry("status", "critical");
    }

    @Test
    void readsIpv6AddressesAndAddressesWithoutHost() {
        RegistryServiceInstance v6 = RegistryServiceInstance.of(Service.builder("a").address("[::1]:9000").build());
        assertThat(v6.getHost()).isEqualTo("::1");
        assertThat(v6.getUri()).isEqualTo(URI.create("http://[::1]:9000"));
        RegistryServiceInstance hostless = RegistryServiceInstance.of(Service.builder("a").address(":9000").host("web-1").build());
        assertThat(hostless.getHost()).isEqualTo("web-1");
        assertThat(hostless.getPort()).isEqualTo(9000);
    }

    @Test
    void fallsBackToTheAddressWhenTheUrlIsNotOne() {
        RegistryServiceInstance instance = RegistryServiceInstance.of(Service.builder("a").address("10.0.0.5:8080")
                .url("not a url").build());
        assertThat(instance.getUri()).isEqualTo(URI.create("http://10.0.0.5:8080"));
    }

    @Test
    void readsStatusWordsOfTheRegistryAndOfSpringCloud() {
        assertThat(RegistryServiceRegistry.parse("Critical")).isEqualTo(Status.CRITICAL);
        assertThat(RegistryServiceRegistry.parse("OUT_OF_SERVICE")).isEqualTo(Status.CRITICAL);
        assertThat(RegistryServiceRegistry.parse("UP")).isEqualTo(Status.PASSING);
        assertThat(RegistryServiceRegistry.parse("warning")).isEqualTo(Status.WARNING);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RegistryServiceRegistry.parse("sleepy")).withMessageContaining("sleepy");
    }
}
