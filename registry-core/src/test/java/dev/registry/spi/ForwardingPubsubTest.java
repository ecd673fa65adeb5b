package dev.registry.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@link ForwardingPubsub} forwards every method of {@link Pubsub}, the defaults included: a method added to the SPI
 * and not forwarded would make every decorator fall back to the default, unnoticed.
 */
class ForwardingPubsubTest {

    @Test
    void overridesEveryMethodOfTheSpi() {
        List<String> notForwarded = new ArrayList<>();
        for (Method method : Pubsub.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                ForwardingPubsub.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException missing) {
                notForwarded.add(method.getName() + Arrays.toString(method.getParameterTypes()));
            }
        }
        assertEquals(List.of(), notForwarded);
    }

    @Test
    void everyCallReachesTheDelegateWithItsArgumentsAndResult() {
        Recording delegate = new Recording();
        Pubsub forwarding = new ForwardingPubsub(delegate) { };
        MessageHandler handler = (topic, payload) -> { };
        byte[] payload = {1};

        forwarding.publish("a", payload);
        forwarding.subscribe("b", handler);
        assertSame(delegate.subscriptions, forwarding.subscribeAll(List.of("c"), handler));
        assertSame(delegate.async, forwarding.subscribeAllAsync(List.of("d"), handler));
        assertSame(delegate.unconfirmed, forwarding.subscribeAllUnconfirmed(List.of("e"), handler));
        assertSame(delegate.confirmation, forwarding.confirmSubscriptions());
        assertTrue(forwarding.ordersPublishesAfterSubscriptions(), "the delegate's answer, not the default's");
        forwarding.roundTrip(Duration.ofMillis(7));
        forwarding.addConnectionListener(state -> { });
        forwarding.close();

        assertEquals(List.of("publish a", "subscribe b", "subscribeAll [c]", "subscribeAllAsync [d]",
                "subscribeAllUnconfirmed [e]", "confirmSubscriptions", "ordersPublishesAfterSubscriptions",
                "roundTrip PT0.007S", "addConnectionListener", "close"), delegate.calls);
        assertTrue(forwarding.toString().contains("Recording"), forwarding.toString());
    }

    /** A transport that records each call and answers with objects the test can recognise. */
    private static final class Recording implements Pubsub {
        final List<String> calls = new ArrayList<>();
        final List<TopicSubscription> subscriptions = List.of(() -> { });
        final CompletableFuture<List<TopicSubscription>> async = new CompletableFuture<>();
        final CompletableFuture<List<TopicSubscription>> unconfirmed = new CompletableFuture<>();
        final CompletableFuture<Void> confirmation = new CompletableFuture<>();

        @Override
        public void publish(String topic, byte[] payload) {
            calls.add("publish " + topic);
        }

        @Override
        public TopicSubscription subscribe(String topic, MessageHandler handler) {
            calls.add("subscribe " + topic);
            return () -> { };
        }

        @Override
        public List<TopicSubscription> subscribeAll(List<String> topics, MessageHandler handler) {
            calls.add("subscribeAll " + topics);
            return subscriptions;
        }

        @Override
        public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
            calls.add("subscribeAllAsync " + topics);
            return async;
        }

        @Override
        public boolean ordersPublishesAfterSubscriptions() {
            calls.add("ordersPublishesAfterSubscriptions");
            return true;
        }

        @Override
        public CompletableFuture<List<TopicSubscription>> subscribeAllUnconfirmed(List<String> topics,
                MessageHandler handler) {
            calls.add("subscribeAllUnconfirmed " + topics);
            return unconfirmed;
        }

        @Override
        public CompletableFuture<Void> confirmSubscriptions() {
            calls.add("confirmSubscriptions");
            return confirmation;
        }

        @Override
        public void roundTrip(Duration timeout) {
            calls.add("roundTrip " + timeout);
        }

        @Override
        public void addConnectionListener(ConnectionListener listener) {
            calls.add("addConnectionListener");
        }

        @Override
        public void close() {
            calls.add("close");
        }

        @Override
        public String toString() {
            return "Recording";
        }
    }
}
