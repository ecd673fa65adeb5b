package dev.registry.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A real grpc-java server (Netty) on a free loopback port, counting the calls it answers. */
final class GreeterServer implements AutoCloseable {

    private final String id;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong lastCallNanos = new AtomicLong();
    private final Server server;

    private GreeterServer(String id) {
        this.id = id;
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(Greeter.service(id, this::counted))
                .build();
    }

    static GreeterServer start(String id) {
        GreeterServer greeter = new GreeterServer(id);
        try {
            greeter.server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gRPC server " + id, e);
        }
        return greeter;
    }

    private void counted() {
        lastCallNanos.set(System.nanoTime());
        calls.incrementAndGet();
    }

    String id() {
        return id;
    }

    Server server() {
        return server;
    }

    int calls() {
        return calls.get();
    }

    /** {@link System#nanoTime()} when the last call arrived; 0 before the first. */
    long lastCallNanos() {
        return lastCallNanos.get();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
