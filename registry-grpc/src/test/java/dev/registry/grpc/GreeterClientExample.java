package dev.registry.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/**
 * The README's gRPC client: one target, nothing else to wire. The {@code registry} scheme is found on the class
 * path, and its bus comes from {@code REGISTRY_URL} (and the other {@code REGISTRY_*} variables). Calls the
 * greeter {@code args[0]} times, round-robin, and prints which server answered each call.
 */
public final class GreeterClientExample {

    private GreeterClientExample() {
    }

    /** Calls the greeter {@code args[0]} times; the bus comes from the {@code REGISTRY_*} environment. */
    public static void main(String[] args) throws InterruptedException {
        ManagedChannel channel = ManagedChannelBuilder.forTarget("registry:///greeter")
                .defaultLoadBalancingPolicy("round_robin")
                .usePlaintext()
                .build();
        try {
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                System.out.println("answered by " + Greeter.hello(channel));
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
