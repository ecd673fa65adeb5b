package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Redis Cluster of three masters, started once for the class: a message published on one node reaches
 * subscribers on every node, so registries connected to different nodes see each other.
 */
class RedisClusterTest {

    private static final List<LocalServer> nodes = new ArrayList<>();
    private static Path configDir;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void startCluster() throws Exception {
        configDir = Files.createTempDirectory("redis-cluster");
        Path dir = configDir;
        for (int i = 0; i < 3; i++) {
            int busPort = Addresses.freePort();
            nodes.add(LocalServer.start("redis-server", port -> RedisServers.arguments(port, "--cluster-enabled", "yes",
                    "--cluster-config-file", dir.resolve("nodes-" + port + ".conf").toString(),
                    "--cluster-port", String.valueOf(busPort), "--cluster-node-timeout", "5000")));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process process = new ProcessBuilder(create).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(create + " failed: " + output);
        }
        Await.until("cluster_state:ok on every node", () -> nodes.stream().allMatch(node ->
                RedisServers.admin(node.port(), connection -> connection.sync().clusterInfo()).contains("cluster_state:ok")));
    }

    @AfterAll
    static void stopCluster() throws IOException {
        nodes.forEach(LocalServer::close);
        try (var files = Files.list(configDir)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
        Files.delete(configDir);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(2)).build();
    }

    private Registry registry(Registry registry) {
        opened.add(registry);
        return registry;
    }

    private static String node(int index) {
        return "127.0.0.1:" + nodes.get(index).port();
    }

    @Test
    void registriesConnectedToDifferentNodesSeeEachOther() {
        RedisClient first = RedisClient.create("redis://" + node(0));
        opened.add(() -> first.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        Registry owner = registry(Registry.connect(RedisPubsub.of(first), options()));
        Registry client = registry(Registry.connect("redis://" + node(2), options()));
        Registry watcher = registry(Registry.connect("redis://" + node(1), options()));
        ConcurrentLinkedQueue<ServiceEvent> events = new ConcurrentLinkedQueue<>();
        watcher.observeAll(events::add);

        owner.register(Service.builder("orders").address("127.0.0.1:8080").build());

        assertEquals("127.0.0.1:8080", client.getService("orders").address());
        Await.until("the registration seen by a wildcard observer on the third node",
                () -> events.stream().anyMatch(event -> event.type() == ServiceEvent.Type.REGISTERED));
    }

    @Test
    void clusterUrlAndCallersClusterClientWork() {
        RedisClusterClient clusterClient = RedisClusterClient.create(RedisURI.create("redis://" + node(2)));
        try {
            Registry viaUrl = registry(Registry.connect("redis-cluster://" + node(0) + "," + node(1), options()));
            Registry viaClient = registry(Registry.connect(RedisPubsub.of(clusterClient), options()));
            Registry onOneNode = registry(Registry.connect("redis://" + node(1), options()));

            viaUrl.register(Service.builder("orders").address("127.0.0.1:1").build());
            viaClient.register(Service.builder("billing").address("127.0.0.1:2").build());
            onOneNode.register(Service.builder("stock").address("127.0.0.1:3").build());

            assertEquals("127.0.0.1:1", viaClient.getService("orders").address());
            assertEquals("127.0.0.1:2", viaUrl.getService("billing").address());
            assertEquals("127.0.0.1:3", viaUrl.getService("stock").address());
            assertEquals("127.0.0.1:3", viaClient.getService("stock").address());
            assertEquals("127.0.0.1:1", onOneNode.getService("orders").address());

            viaClient.close();
            try (var connection = clusterClient.connect()) {
                assertTrue(connection.sync().clusterInfo().contains("cluster_state:ok"), "the caller's client stays open");
            }
        } finally {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void theSubscriptionsOfOneTransportSitOnOneNode() {
        Registry viaUrl = registry(Registry.connect("redis-cluster://" + node(0), options()));
        viaUrl.observe("orders", event -> { });
        String channel = prefix + ".register.orders";
        List<Long> perNode = nodes.stream()
                .map(node -> RedisServers.subscribers(node.port(), channel)).collect(Collectors.toList());
        // PUBSUB NUMSUB counts a node's own clients: the one subscription is on exactly one node
        assertEquals(1, perNode.stream().mapToLong(Long::longValue).sum(), perNode.toString());
    }
}
