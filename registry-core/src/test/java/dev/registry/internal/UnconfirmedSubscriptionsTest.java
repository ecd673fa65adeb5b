package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceNotFoundException;
import dev.registry.Subscription;
import dev.registry.TransportException;
import dev.registry.memory.InMemoryPubsub;
import dev.registry.spi.ForwardingPubsub;
import dev.registry.spi.MessageHandler;
import dev.registry.spi.Pubsub;
import dev.registry.spi.TopicSubscription;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a transport that orders publishes after subscriptions, a lookup subscribes unconfirmed, on its own thread, and
 * costs the bus no confirmation, while an observer waits until the bus has confirmed the name's subscriptions, asking for that
 * once per name, and again after a failed confirmation.
 */
class UnconfirmedSubscriptionsTest {

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    private String busName;
    private Registry owner;
    private OrderedBus bus;
    private Registry registry;

    @BeforeEach
    void connect() {
        busName = "unconfirmed-" + UUID.randomUUID();
        owner = Registry.connect(InMemoryPubsub.connect(busName));
        owner.register(Service.builder("orders").address("10.0.0.1:80").build());
        bus = new OrderedBus(InMemoryPubsub.connect(busName));
        registry = Registry.connect(bus, RegistryOptions.builder().lookupTimeout(LOOKUP_TIMEOUT).build());
    }

    @AfterEach
    void close() {
        registry.close();
        owner.close();
    }

    @Test
    void aColdLookupSubscribesUnconfirmedAndAsksNoConfirmation() {
        Service found = registry.getService("orders");

        assertEquals("10.0.0.1:80", found.address());
        assertEquals(1, bus.unconfirmedSubscribes.get());
        assertEquals(0, bus.confirmedSubscribes.get(), "no confirmed subscribe for a name");
        assertEquals(0, bus.confirmations.get(), "a lookup needs only the answers to its own ping");
        assertEquals(Thread.currentThread().getName(), bus.unconfirmedSubscriber,
                "handed over on the caller's thread, without a hop to the I/O thread");
    }

    @Test
    void anObserverOfANameALookupSubscribedWaitsForItsConfirmation() throws Exception {
        registry.getService("orders");
        bus.nextConfirmation = new CompletableFuture<>();

        CompletableFuture<Subscription> observing = CompletableFuture.supplyAsync(
                () -> registry.observe("orders", event -> { }));

        assertFalse(completesWithin(observing, Duration.ofMillis(300)), "returned before the bus confirmed");
        assertEquals(1, bus.confirmations.get());
        bus.nextConfirmation.complete(null);
        observing.get(10, TimeUnit.SECONDS).close();

        registry.observe("orders", event -> { }).close();
        assertEquals(1, bus.confirmations.get(), "confirmed once per name");
        assertEquals(1, bus.unconfirmedSubscribes.get(), "subscribed once");
    }

    @Test
    void aFailedConfirmationIsAskedAgainByTheNextObserver() {
        bus.nextConfirmation = CompletableFuture.failedFuture(new TransportException("stalled"));
        registry.observe("orders", event -> { }).close();
        assertEquals(1, bus.confirmations.get());

        registry.observe("orders", event -> { }).close();

        assertEquals(2, bus.confirmations.get(), "asked again after the failure");
        assertEquals(1, bus.unconfirmedSubscribes.get(), "the subscriptions themselves stand");
    }

    @Test
    void aTransportThatThrowsWhenSubscribingFailsTheLookupAfterItsTimeoutOnly() {
        bus.failSubscribing = true;
        try (Registry impatient = Registry.connect(bus, RegistryOptions.builder()
                .lookupTimeout(Duration.ofMillis(200)).build())) {
            assertThrows(ServiceNotFoundException.class, () -> impatient.getService("orders"),
                    "the transport's exception stays off the caller's thread: the lookup ends as not found");
        }
    }

    @Test
    void aConfirmationThatThrowsLetsTheObserverGoAndIsAskedAgain() {
        bus.failConfirming = true;
        registry.observe("orders", event -> { }).close();
        bus.failConfirming = false;

        registry.observe("orders", event -> { }).close();

        assertEquals(2, bus.confirmations.get(), "asked again after the throw");
    }

    private static boolean completesWithin(CompletableFuture<?> future, Duration wait) throws Exception {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException notYet) {
            return false;
        }
    }

    /**
     * The in-memory bus, which delivers in order, declared as ordering publishes after subscriptions, counting how
     * it is asked to subscribe and to confirm; {@link #nextConfirmation} is what the next confirmation returns.
     */
    private static final class OrderedBus extends ForwardingPubsub {
        final AtomicInteger unconfirmedSubscribes = new AtomicInteger();
        final AtomicInteger confirmedSubscribes = new AtomicInteger();
        final AtomicInteger confirmations = new AtomicInteger();
        volatile CompletableFuture<Void> nextConfirmation = CompletableFuture.completedFuture(null);
        volatile String unconfirmedSubscriber;
        volatile boolean failSubscribing;
        volatile boolean failConfirming;

        OrderedBus(Pubsub delegate) {
            super(delegate);
        }

        @Override
        public boolean ordersPublishesAfterSubscriptions() {
            return true;
        }

        @Override
        public CompletableFuture<List<TopicSubscription>> subscribeAllUnconfirmed(List<String> topics,
                MessageHandler handler) {
            if (topics.get(0).endsWith(".orders")) {
                unconfirmedSubscribes.incrementAndGet();
                unconfirmedSubscriber = Thread.currentThread().getName();
                if (failSubscribing) {
                    throw new TransportException("refused by the test");
                }
            }
            return CompletableFuture.completedFuture(subscribeAll(topics, handler));
        }

        @Override
        public CompletableFuture<List<TopicSubscription>> subscribeAllAsync(List<String> topics, MessageHandler handler) {
            if (topics.get(0).endsWith(".orders")) {
                confirmedSubscribes.incrementAndGet();
            }
            return super.subscribeAllAsync(topics, handler);
        }

        @Override
        public CompletableFuture<Void> confirmSubscriptions() {
            confirmations.incrementAndGet();
            if (failConfirming) {
                throw new TransportException("refused by the test");
            }
            return nextConfirmation;
        }
    }
}
