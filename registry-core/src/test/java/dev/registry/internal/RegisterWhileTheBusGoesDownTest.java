package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.spi.ConnectionListener;
import dev.registry.spi.ConnectionState;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A register of a new name waits for its ping subscription at most the lookup timeout, and not at all once the bus
 * is known to be down: also when the bus goes down while it waits (a broker killed a moment before the call).
 */
class RegisterWhileTheBusGoesDownTest {

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aRegisterWaitingForItsSubscriptionReturnsWhenTheBusIsFoundDown() throws Exception {
        NeverConfirmingPubsub bus = new NeverConfirmingPubsub();
        try (Registry registry = Registry.connect(bus, RegistryOptions.builder().lookupTimeout(LOOKUP_TIMEOUT)
                .unregisterOnShutdown(false).build())) {
            long start = System.nanoTime();
            CompletableFuture<Registration> registering = CompletableFuture.supplyAsync(
                    () -> registry.register(Service.builder("fresh").address("127.0.0.1:1").build()));
            assertFalse(tryGet(registering, Duration.ofMillis(300)), "waits for its subscription while the bus is up");

            long down = System.nanoTime();
            bus.listeners.forEach(listener -> listener.onConnectionState(ConnectionState.DISCONNECTED));
            Registration registration = registering.get(10, TimeUnit.SECONDS);
            long afterDown = System.nanoTime() - down;

            System.out.printf("register returned %d ms after the bus went down (%d ms after the call; lookup timeout %d s)%n",
                    afterDown / 1_000_000, (System.nanoTime() - start) / 1_000_000, LOOKUP_TIMEOUT.toSeconds());
            assertTrue(registration.isRegistered());
            // a 2-core machine under load wakes a thread within milliseconds; 5 s is far from both that and 30 s
            assertTrue(afterDown < TimeUnit.SECONDS.toNanos(5), "returned " + afterDown / 1_000_000 + " ms after the bus went down");
        }
    }

    private static boolean tryGet(CompletableFuture<?> future, Duration wait) throws Exception {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException notYet) {
            return false;
        }
    }

    /** A bus that takes every message and subscription request but never confirms a subscription. */
    private static final class NeverConfirmingPubsub implements Pubsub {
        final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();

        @Override
        public void publish(String topic, byte[] payload) {
        }

        @Override
        public TopicSubscription subscribe(String topic, MessageHandler handler) {
            return () -> { };
        }

        @Override
        public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
            return new CompletableFuture<>();
        }

        @Override
        public void addConnectionListener(ConnectionListener listener) {
            listeners.add(listener);
        }

        @Override
        public void close() {
        }
    }
}
