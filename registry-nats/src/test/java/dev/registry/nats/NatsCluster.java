package dev.registry.nats;

import dev.registry.Addresses;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * nats-server nodes of a test's own, routed into one cluster on free loopback ports: each node lists every
 * other node as a route, and {@link #start} returns once every node has a route to every other, so a message
 * published on one node reaches subscribers on all of them.
 */
final class NatsCluster implements AutoCloseable {

    private static final Pattern NUM_ROUTES = Pattern.compile("\"num_routes\"\\s*:\\s*(\\d+)");

    private final List<LocalServer> nodes;
    private final List<Integer> monitorPorts;

    private NatsCluster(List<LocalServer> nodes, List<Integer> monitorPorts) {
        this.nodes = nodes;
        this.monitorPorts = monitorPorts;
    }

    /** Starts {@code size} nodes and waits until they are fully routed. */
    static NatsCluster start(int size) {
        List<Integer> ports = distinctFreePorts(3 * size);
        List<Integer> clientPorts = ports.subList(0, size);
        List<Integer> routePorts = ports.subList(size, 2 * size);
        List<Integer> monitorPorts = List.copyOf(ports.subList(2 * size, 3 * size));
        List<LocalServer> nodes = new ArrayList<>();
        NatsCluster cluster = new NatsCluster(nodes, monitorPorts);
        try {
            for (int i = 0; i < size; i++) {
                int node = i;
                String routes = routePorts.stream().filter(port -> !port.equals(routePorts.get(node)))
                        .map(port -> "nats://127.0.0.1:" + port).collect(Collectors.joining(","));
                nodes.add(LocalServer.startOnPort("nats-server", clientPorts.get(i), port -> List.of(
                        "-a", "127.0.0.1", "-p", String.valueOf(port), "-m", String.valueOf(monitorPorts.get(node)),
                        "--cluster_name", "registry-test", "--cluster", "nats://127.0.0.1:" + routePorts.get(node),
                        "--routes", routes)));
            }
            for (int i = 0; i < size; i++) {
                int node = i;
                Await.until("node " + i + " routed to the " + (size - 1) + " others",
                        () -> cluster.routesOf(node) == size - 1);
            }
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** The {@code index}th node. */
    LocalServer node(int index) {
        return nodes.get(index);
    }

    /** The number of nodes. */
    int size() {
        return nodes.size();
    }

    /** The URL of every node, comma-separated: what a user gives a client as the cluster's seed servers. */
    String seedUrl() {
        return nodes.stream().map(NatsServer::url).collect(Collectors.joining(","));
    }

    /** The index of the node listening on {@code port}, or -1. */
    int indexOfPort(int port) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).port() == port) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        nodes.forEach(LocalServer::close);
    }

    /** The routes node {@code index} reports on its monitoring endpoint; 0 while it does not answer. */
    private int routesOf(int index) {
        try (InputStream in = URI.create("http://127.0.0.1:" + monitorPorts.get(index) + "/routez").toURL().openStream()) {
            Matcher matcher = NUM_ROUTES.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(Addresses.freePort());
        }
        return List.copyOf(ports);
    }
}
