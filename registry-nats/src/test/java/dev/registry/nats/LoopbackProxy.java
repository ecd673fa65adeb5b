package dev.registry.nats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A TCP forwarder on 127.0.0.1 that a test can cut and heal: every connection accepted on {@link #port()} is
 * relayed byte for byte to {@code 127.0.0.1:<target>}; {@link #cut()} drops every relayed connection and
 * refuses new ones (accepts and closes them at once, so the port stays this proxy's) until {@link #heal()}.
 *
 * <p>Threads, all daemons named {@code proxy-<name>-...}: one accepting, two per relayed connection (one per
 * direction). {@link #close()} ends them all. Loopback only.
 */
final class LoopbackProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger relayIds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile boolean closed;

    private LoopbackProxy(String name, int targetPort, ServerSocket listener) {
        this.name = name;
        this.targetPort = targetPort;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "proxy-" + name + "-accept");
        acceptor.setDaemon(true);
    }

    /** A proxy named {@code name} (for its threads) on a free loopback port, relaying to {@code targetPort}. */
    static LoopbackProxy start(String name, int targetPort) {
        return start(name, targetPort, false);
    }

    private static LoopbackProxy start(String name, int targetPort, boolean cut) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            LoopbackProxy proxy = new LoopbackProxy(name, targetPort, listener);
            proxy.cut = cut;
            proxy.acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A proxy named {@code name} on a free loopback port that refuses every connection: a port that is taken,
     * so nothing else can answer on it, and where nothing is ever reached.
     */
    static LoopbackProxy refusing(String name) {
        return start(name, 0, true);
    }

    /** The port this proxy accepts on. */
    int port() {
        return listener.getLocalPort();
    }

    /** Drops every relayed connection and refuses new ones until {@link #heal()}. */
    void cut() {
        cut = true;
        relays.forEach(Relay::close);
    }

    /** Relays new connections again after {@link #cut()}. */
    void heal() {
        cut = false;
    }

    /** Whether the proxy is cut. */
    boolean isCut() {
        return cut;
    }

    /** How many connections were refused because the proxy was cut. */
    int refusedCount() {
        return refused.get();
    }

    /**
     * The local ports of the connections this proxy opened to its target and still relays on: the target
     * sees its peer at 127.0.0.1 on one of these ports.
     */
    Set<Integer> upstreamPorts() {
        return relays.stream().map(relay -> relay.upstream.getLocalPort()).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        closed = true;
        cut = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing: nothing left to do with it
        }
        relays.forEach(Relay::close);
        try {
            acceptor.join(CONNECT_TIMEOUT_MILLIS * 2L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "LoopbackProxy{" + name + " :" + port() + " -> :" + targetPort + (cut ? ", cut" : "") + "}";
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            if (cut) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), CONNECT_TIMEOUT_MILLIS);
            } catch (IOException targetDown) {
                closeQuietly(upstream);
                closeQuietly(client);
                continue;
            }
            Relay relay = new Relay(client, upstream);
            relays.add(relay);
            if (cut) {
                relay.close(); // cut() ran while this one was being opened and did not see it
            } else {
                relay.start(name + "-" + relayIds.incrementAndGet());
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // dropping the connection is the point
        }
    }

    /** One relayed connection: the client's socket and the proxy's socket to the target. */
    private final class Relay {

        private final Socket client;
        private final Socket upstream;

        Relay(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start(String id) {
            pump(client, upstream, "proxy-" + id + "-up");
            pump(upstream, client, "proxy-" + id + "-down");
        }

        /** Drops both ends; each pump then ends on its closed socket. */
        void close() {
            relays.remove(this);
            closeQuietly(client);
            closeQuietly(upstream);
        }

        private void pump(Socket from, Socket to, String threadName) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException closed) {
                    // one end went away or the relay was cut: either way the relay is over
                } finally {
                    close();
                }
            }, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }
}
