package dev.registry.grpc;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.Service;
import io.grpc.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

/**
 * A running gRPC {@link Server} registered under a service name, so that {@code registry:///name} channels find
 * it; unregistered when the server shuts down.
 *
 * <pre>{@code
 * Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(greeter).build().start();
 * GrpcServerRegistration registration = GrpcServerRegistration.register(registry, server, Service.builder("greeter"));
 * ...
 * registration.shutdown();   // unregisters (clients move away at once), then shuts the server down gracefully
 * }</pre>
 *
 * <p>The registered address is the host of the server's first listening socket and its port; for a server bound
 * to the wildcard address (all interfaces, as {@code forPort} binds) the host is the registry's
 * {@link dev.registry.RegistryOptions#hostName() host name}, or the host given to {@link #register(Registry,
 * Server, Service.Builder, String)}.
 *
 * <p>Prefer {@link #shutdown()}: it unregisters first, so clients stop picking the server before it refuses
 * calls. A server shut down directly is unregistered when it terminates, by a daemon thread named
 * {@code registry-grpc-<name>-<port>} that waits for that and ends with it (or with {@link #close()}). Shutting
 * the registry down unregisters too. Thread-safe; {@link #close()} and {@link #shutdown()} are idempotent.
 */
public final class GrpcServerRegistration implements AutoCloseable {

    private final Server server;
    private final Registration registration;
    private final Thread unregisterOnTermination;

    private GrpcServerRegistration(Server server, Registration registration) {
        this.server = server;
        this.registration = registration;
        this.unregisterOnTermination = new Thread(this::unregisterWhenTerminated,
                "registry-grpc-" + registration.service().name() + "-" + registration.service().port().orElse(0));
        unregisterOnTermination.setDaemon(true);
        unregisterOnTermination.start();
    }

    /** Registers {@code server} under {@code name}; see {@link #register(Registry, Server, Service.Builder)}. */
    public static GrpcServerRegistration register(Registry registry, Server server, String name) {
        return register(registry, server, Service.builder(name));
    }

    /**
     * Registers {@code server}: {@code service} (its name, version, kv, status) with the address of the server's
     * listening socket.
     *
     * @throws IllegalStateException if the server is not started, already shut down, or listens on no TCP socket
     */
    public static GrpcServerRegistration register(Registry registry, Server server, Service.Builder service) {
        return register(registry, server, service, null);
    }

    /**
     * As {@link #register(Registry, Server, Service.Builder)}, with the host that clients dial ({@code host:port}
     * is registered, whatever address the server is bound to); null for the default.
     */
    public static GrpcServerRegistration register(Registry registry, Server server, Service.Builder service, String host) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(service, "service");
        InetSocketAddress listening = listeningSocket(server);
        String dialled = host != null ? host : hostOf(listening, registry);
        Service instance = service.address(dialled, listening.getPort()).network("tcp").build();
        return new GrpcServerRegistration(server, registry.register(instance));
    }

    /** The registration, to change the announced status ({@link Registration#setStatus}) or read the instance. */
    public Registration registration() {
        return registration;
    }

    /** The server this registration announces. */
    public Server server() {
        return server;
    }

    /**
     * Unregisters the server, then shuts it down gracefully ({@link Server#shutdown()}: calls in progress finish,
     * new ones are refused, so clients still holding the address retry elsewhere). Returns at once; use
     * {@link Server#awaitTermination} to wait for the calls in progress.
     */
    public void shutdown() {
        close();
        server.shutdown();
    }

    /** Unregisters the server and leaves it running. Idempotent. */
    @Override
    public void close() {
        registration.unregister();
        unregisterOnTermination.interrupt();
    }

    private void unregisterWhenTerminated() {
        try {
            server.awaitTermination();
            registration.unregister();
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetSocketAddress listeningSocket(Server server) {
        if (server.isShutdown()) {
            throw new IllegalStateException("the server is shut down: there is nothing to register");
        }
        for (SocketAddress socket : server.getListenSockets()) {
            if (socket instanceof InetSocketAddress && ((InetSocketAddress) socket).getPort() > 0) {
                return (InetSocketAddress) socket;
            }
        }
        throw new IllegalStateException("the server listens on no TCP port (start() it first): " + server.getListenSockets());
    }

    private static String hostOf(InetSocketAddress listening, Registry registry) {
        InetAddress address = listening.getAddress();
        return address == null || address.isAnyLocalAddress() ? registry.options().hostName() : address.getHostAddress();
    }
}
