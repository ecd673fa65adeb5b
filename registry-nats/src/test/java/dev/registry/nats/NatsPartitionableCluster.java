package dev.registry.nats;

import dev.registry.Addresses;
import dev.registry.tck.Await;
import dev.registry.tck.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A nats-server cluster of a test's own, like {@link NatsCluster}, whose routes all run through
 * {@link LoopbackProxy}s, so that a test can partition it: {@link #cut} the routes between two nodes or
 * {@link #isolate} one node, while every node keeps serving its own clients, then {@link #heal()}.
 *
 * <p>Node {@code i} dials node {@code j} through a proxy of its own, {@code i->j}, so cutting the pair
 * {@code i, j} cuts exactly the two proxies between them. nats-server would otherwise find ways around the
 * proxies: it tells its peers the cluster address it advertises, and a peer that learns of a node it has no
 * route to yet dials that address directly (an implicit route). So each node advertises a port that refuses
 * every connection ({@link #gossipedDialsRefused()} counts such attempts), and {@code --no_advertise} keeps
 * the nodes from telling clients of each other, so that a client stays on the node it was given.
 * {@link #awaitRouted()} checks on the monitoring endpoints ({@code /routez}) that every route is a proxied one.
 */
final class NatsPartitionableCluster implements AutoCloseable {

    /** Long enough for every node to start and dial its peers, which nats-server retries once a second. */
    private static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(30);

    private final List<LocalServer> nodes = new ArrayList<>();
    private final List<Monitoring> monitors = new ArrayList<>();
    private final List<String> serverIds = new ArrayList<>();
    /** {@code proxies.get(i).get(j)}: what node {@code i} dials to reach node {@code j}; null for i == j. */
    private final List<List<LoopbackProxy>> proxies = new ArrayList<>();
    /** What each node advertises to its peers: a port where every connection is refused. */
    private final List<LoopbackProxy> advertised = new ArrayList<>();

    private NatsPartitionableCluster() {
    }

    /** Starts {@code size} nodes and waits until every node has a proxied route to every other. */
    static NatsPartitionableCluster start(int size) {
        NatsPartitionableCluster cluster = new NatsPartitionableCluster();
        try {
            cluster.launch(size);
            cluster.awaitRouted();
            return cluster;
        } catch (RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code nats://127.0.0.1:<port>} of node {@code index}. */
    String url(int index) {
        return NatsServer.url(nodes.get(index));
    }

    /** Node {@code index}. */
    LocalServer node(int index) {
        return nodes.get(index);
    }

    /** The number of nodes. */
    int size() {
        return nodes.size();
    }

    /**
     * Cuts the routes between nodes {@code a} and {@code b}: drops their proxied connections and refuses new
     * ones until {@link #heal()}. Returns once neither node lists a route to the other.
     */
    void cut(int a, int b) {
        proxy(a, b).cut();
        proxy(b, a).cut();
        Await.until("nodes " + a + " and " + b + " lost their route", ROUTING_TIMEOUT,
                () -> !routedPeers(a).contains(b) && !routedPeers(b).contains(a));
    }

    /** Cuts node {@code index} from every other node; returns once it has no route left. */
    void isolate(int index) {
        for (int other = 0; other < size(); other++) {
            if (other != index) {
                cut(index, other);
            }
        }
    }

    /** Lets every proxy relay again; nats-server redials a lost route about once a second. Does not wait. */
    void heal() {
        proxies.forEach(row -> row.stream().filter(proxy -> proxy != null).forEach(LoopbackProxy::heal));
    }

    /**
     * Waits until every two nodes not cut from each other have exactly one route between them, and every
     * route is a proxied one.
     */
    void awaitRouted() {
        try {
            Await.until("every node routed through the proxies to every node not cut from it, and no other route",
                    ROUTING_TIMEOUT, this::routedAsProxied);
        } catch (AssertionError notRouted) {
            throw new AssertionError(notRouted.getMessage() + "; " + describe(), notRouted);
        }
    }

    /** The routes of every node that do not run through this cluster's proxies, described; empty when none. */
    List<String> unproxiedRoutes() {
        List<String> unproxied = new ArrayList<>();
        for (int node = 0; node < size(); node++) {
            for (Monitoring.Route route : routes(node)) {
                if (!isProxied(node, route)) {
                    unproxied.add("node " + node + ": " + route);
                }
            }
        }
        return unproxied;
    }

    /** The routes node {@code index} lists now. */
    List<Monitoring.Route> routes(int index) {
        try {
            return monitors.get(index).routes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /routez of node " + index, e);
        }
    }

    /** How many times a node dialled the address a peer advertises, which would have bypassed the proxies. */
    int gossipedDialsRefused() {
        return advertised.stream().mapToInt(LoopbackProxy::refusedCount).sum();
    }

    @Override
    public void close() {
        nodes.forEach(LocalServer::close);
        proxies.forEach(row -> row.stream().filter(proxy -> proxy != null).forEach(LoopbackProxy::close));
        advertised.forEach(LoopbackProxy::close);
    }

    private void launch(int size) {
        List<Integer> ports = distinctFreePorts(3 * size);
        List<Integer> clientPorts = ports.subList(0, size);
        List<Integer> routePorts = ports.subList(size, 2 * size);
        List<Integer> monitorPorts = ports.subList(2 * size, 3 * size);
        for (int i = 0; i < size; i++) {
            List<LoopbackProxy> row = new ArrayList<>();
            for (int j = 0; j < size; j++) {
                row.add(i == j ? null : LoopbackProxy.start("n" + i + "-to-n" + j, routePorts.get(j)));
            }
            proxies.add(row);
            advertised.add(LoopbackProxy.refusing("n" + i + "-advertised"));
        }
        for (int i = 0; i < size; i++) {
            int node = i;
            String routes = proxies.get(i).stream().filter(proxy -> proxy != null)
                    .map(proxy -> "nats://127.0.0.1:" + proxy.port()).collect(Collectors.joining(","));
            nodes.add(LocalServer.startOnPort("nats-server", clientPorts.get(i), port -> List.of(
                    "-a", "127.0.0.1", "-p", String.valueOf(port), "-m", String.valueOf(monitorPorts.get(node)),
                    "--cluster_name", "registry-partition", "--cluster", "nats://127.0.0.1:" + routePorts.get(node),
                    "--cluster_advertise", "127.0.0.1:" + advertised.get(node).port(), "--no_advertise",
                    "--routes", routes)));
            monitors.add(new Monitoring(monitorPorts.get(i)));
        }
        for (int i = 0; i < size; i++) {
            Monitoring monitor = monitors.get(i);
            serverIds.add(Await.value("the server id of node " + i, () -> {
                try {
                    return monitor.serverId();
                } catch (IOException notYet) {
                    return null;
                }
            }));
        }
    }

    private boolean routedAsProxied() {
        try {
            for (int index = 0; index < size(); index++) {
                int node = index;
                List<Monitoring.Route> routes = monitors.get(node).routes();
                Set<Integer> expected = new LinkedHashSet<>();
                for (int other = 0; other < size(); other++) {
                    if (other != node && !proxy(node, other).isCut() && !proxy(other, node).isCut()) {
                        expected.add(other);
                    }
                }
                Set<Integer> peers = routes.stream().map(route -> serverIds.indexOf(route.remoteId())).collect(Collectors.toSet());
                if (routes.size() != expected.size() || !peers.equals(expected)
                        || !routes.stream().allMatch(route -> isProxied(node, route))) {
                    return false;
                }
            }
            return true;
        } catch (IOException notAnswering) {
            return false;
        }
    }

    /**
     * Whether {@code route} of {@code node} runs through the proxies: its far end is either the proxy that
     * {@code node} dials the peer at (a route it dialled), or a connection that the peer's proxy to
     * {@code node} opened (a route it accepted). A route around the proxies would show the peer's own route
     * port, or a port no proxy opened. Which side dialled is not taken from {@code did_solicit}: nats-server
     * 2.9 reports {@code true} on both sides of a route that came back after a cut, since both have the
     * other configured.
     */
    private boolean isProxied(int node, Monitoring.Route route) {
        int peer = serverIds.indexOf(route.remoteId());
        if (peer < 0 || peer == node || !"127.0.0.1".equals(route.ip())) {
            return false;
        }
        return route.port() == proxy(node, peer).port() || proxy(peer, node).upstreamPorts().contains(route.port());
    }

    private Set<Integer> routedPeers(int node) {
        return routes(node).stream().map(route -> serverIds.indexOf(route.remoteId())).collect(Collectors.toSet());
    }

    /** Every node's routes and every proxy, for a failure message. */
    private String describe() {
        StringBuilder text = new StringBuilder("server ids " + serverIds);
        for (int node = 0; node < size(); node++) {
            try {
                text.append("; node ").append(node).append(" routes ").append(monitors.get(node).routes());
            } catch (IOException e) {
                text.append("; node ").append(node).append(" monitoring: ").append(e);
            }
            for (LoopbackProxy proxy : proxies.get(node)) {
                if (proxy != null) {
                    text.append("; ").append(proxy).append(" upstream ports ").append(proxy.upstreamPorts());
                }
            }
        }
        return text.toString();
    }

    private LoopbackProxy proxy(int from, int to) {
        return proxies.get(from).get(to);
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(Addresses.freePort());
        }
        return List.copyOf(ports);
    }
}
