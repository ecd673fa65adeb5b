package dev.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Helpers the Go library offers for tests and examples: a free local port and address. Thread-safe. */
public final class Addresses {

    private Addresses() {
    }

    /**
     * A TCP port free on the loopback interface at the time of the call (the OS picks it). Another process
     * may take it before you bind, so bind promptly.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:<free port>}, ready to use as a {@link Service#address()}. */
    public static String freeLocalAddress() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + freePort();
    }
}
