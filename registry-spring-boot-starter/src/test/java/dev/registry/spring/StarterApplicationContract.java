package dev.registry.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.Status;
import dev.registry.spring.testapp.TestApplication;
import dev.registry.tck.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * A real Spring Boot web application with the starter, on a random port, against a real broker: what it
 * registers, what its discovery clients and load balancer see, and what its actuator shows. A plain registry on
 * the same bus plays the other applications. Subclasses name the broker.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=orders", "registry.registration.host=127.0.0.1",
        "registry.registration.version=1.2.0", "registry.registration.metadata.zone=eu-1",
        "registry.lookup-timeout=300ms", "registry.unregister-on-shutdown=false",
        "management.endpoints.web.exposure.include=health,metrics,serviceregistry",
        "management.endpoint.health.show-details=always",
        "spring.cloud.loadbalancer.zone=eu-1",
        "spring.cloud.loadbalancer.clients.zoned.configurations=zone-preference",
        "spring.cloud.loadbalancer.clients.weighted.configurations=weighted"})
@DirtiesContext
abstract class StarterApplicationContract {

    private static final Duration SOON = Duration.ofSeconds(5);

    @LocalServerPort
    int port;
    @Autowired
    DiscoveryClient discoveryClient;
    @Autowired
    ReactiveDiscoveryClient reactiveDiscoveryClient;
    @Autowired
    LoadBalancerClient loadBalancer;
    @Autowired
    @LoadBalanced
    RestClient.Builder loadBalanced;

    /** The other applications on the bus. */
    private Registry peers;

    /** The bus URL of the subclass's broker. */
    abstract String busUrl();

    @BeforeEach
    void connectPeers() {
        peers = Registry.connect(busUrl(), RegistryOptions.builder().lookupTimeout(Duration.ofMillis(300))
                .unregisterOnShutdown(false).build());
    }

    @AfterEach
    void closePeers() {
        peers.close();
    }

    @Test
    void registersItselfOnceItsWebServerListens() {
        List<Service> orders = peers.getServices("orders");
        assertThat(orders).hasSize(1);
        Service self = orders.get(0);
        assertThat(self.address()).isEqualTo("127.0.0.1:" + port);
        assertThat(self.url()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(self.version()).isEqualTo("1.2.0");
        assertThat(self.kv()).containsEntry("zone", "eu-1");
    }

    @Test
    void discoversEveryServiceOnTheBusAndItsInstances() {
        peers.register(Service.builder("billing").address("127.0.0.1:1").kv("zone", "us-1").build());
        Await.until("billing listed", SOON, () -> discoveryClient.getServices().containsAll(List.of("billing", "orders")));

        List<ServiceInstance> billing = discoveryClient.getInstances("billing");
        assertThat(billing).singleElement().satisfies(instance -> {
            assertThat(instance.getInstanceId()).isEqualTo("billing@127.0.0.1:1");
            assertThat(instance.getUri()).hasToString("http://127.0.0.1:1");
            assertThat(instance.getMetadata()).containsEntry("zone", "us-1").containsEntry("status", "passing");
        });
        assertThat(reactiveDiscoveryClient.getInstances("billing").collectList().block())
                .extracting(ServiceInstance::getInstanceId).containsExactly("billing@127.0.0.1:1");
        assertThat(reactiveDiscoveryClient.getServices().collectList().block()).contains("billing", "orders");
        assertThat(discoveryClient.getInstances("nobody")).isEmpty();
        assertThat(discoveryClient.getInstances("example.com")).as("a host name, not a service name").isEmpty();
    }

    @Test
    void callsServicesByNameThroughTheLoadBalancer() {
        String answer = loadBalanced.build().get().uri("http://orders/hello").retrieve().body(String.class);
        assertThat(answer).isEqualTo("hello from orders:" + port);
    }

    @Test
    void reportsStatusThroughTheActuatorAndTheLoadBalancerFollowsAtOnce() {
        RestClient actuator = RestClient.create("http://127.0.0.1:" + port + "/actuator");
        RestClient orders = loadBalanced.build();
        assertThat(orders.get().uri("http://orders/hello").retrieve().body(String.class)).startsWith("hello");

        actuator.post().uri("/serviceregistry").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "critical")).retrieve().toBodilessEntity();
        Await.until("peers see it critical", SOON, () -> peers.getServices("orders").get(0).status() == Status.CRITICAL);
        assertThat(actuator.get().uri("/serviceregistry").retrieve().body(String.class)).contains("critical");
        Await.until("the load balancer drops it", SOON, () -> loadBalancer.choose("orders") == null);
        assertThatThrownBy(() -> orders.get().uri("http://orders/hello").retrieve().body(String.class));

        actuator.post().uri("/serviceregistry").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "UP")).retrieve().toBodilessEntity();
        Await.until("the load balancer takes it back", SOON, () -> loadBalancer.choose("orders") != null);
        assertThat(orders.get().uri("http://orders/hello").retrieve().body(String.class)).startsWith("hello");
    }

    @Test
    void combinesWithTheLoadBalancersZonePreferenceAndWeights() {
        peers.register(Service.builder("zoned").address("127.0.0.1:2").kv("zone", "us-1").build());
        peers.register(Service.builder("zoned").address("127.0.0.1:3").kv("zone", "eu-1").build());
        peers.register(Service.builder("weighted").address("127.0.0.1:4").kv("weight", "3").build());
        peers.register(Service.builder("weighted").address("127.0.0.1:5").kv("weight", "1").build());
        Await.until("both zones known", SOON, () -> discoveryClient.getInstances("zoned").size() == 2);
        Await.until("both weights known", SOON, () -> discoveryClient.getInstances("weighted").size() == 2);
        Await.until("the load balancer sees both zones' instances", SOON, () -> loadBalancer.choose("zoned") != null);

        assertThat(choices("zoned", 20)).containsOnlyKeys(3);
        Map<Integer, Long> weighted = choices("weighted", 40);
        assertThat(weighted.get(4)).as("chosen three times as often").isBetween(25L, 35L);
        assertThat(weighted.get(5)).isBetween(5L, 15L);
    }

    @Test
    void showsItsHealthAndMetricsUnderTheActuator() {
        RestClient actuator = RestClient.create("http://127.0.0.1:" + port + "/actuator");
        Map<String, Object> health = actuator.get().uri("/health/registry").retrieve().body(new ParameterizedTypeReference<>() { });
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("details")).asString().contains("mainTopic=registry");

        Map<String, Object> metrics = actuator.get().uri("/metrics").retrieve().body(new ParameterizedTypeReference<>() { });
        assertThat(metrics.get("names")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("registry.messages", "registry.messages.dropped", "registry.lookups", "registry.lookup.timeouts",
                        "registry.pings", "registry.cache.instances", "registry.names", "registry.registrations",
                        "registry.listener.backlog", "registry.expiry.brake.engagements", "registry.expiry.brake.held",
                        "registry.events");
        Map<String, Object> out = actuator.get().uri("/metrics/registry.messages?tag=direction:out").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertThat(out.get("measurements")).asString().containsPattern("value=[1-9]");
        Map<String, Object> registrations = actuator.get().uri("/metrics/registry.registrations").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertThat(registrations.get("measurements")).asString().contains("value=1.0");
    }

    /** How often the load balancer chose each port, out of {@code count} choices. */
    private Map<Integer, Long> choices(String serviceId, int count) {
        return IntStream.range(0, count).mapToObj(i -> loadBalancer.choose(serviceId).getPort())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
