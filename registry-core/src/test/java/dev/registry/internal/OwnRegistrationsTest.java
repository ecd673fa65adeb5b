package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.memory.InMemoryPubsub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnRegistrationsTest {

    private final InMemoryPubsub bus = InMemoryPubsub.connect("own-registrations-" + System.nanoTime());
    private final OwnRegistrations own = new OwnRegistrations(bus, new Topics("registry"), name -> { }, Runnable::run);

    @Test
    void aPingOfANameReachesThatNamesRegistrationsOnly() {
        DefaultRegistration a1 = registration("a", "h:1");
        DefaultRegistration b1 = registration("b", "h:1");
        DefaultRegistration a2 = registration("a", "h:2");
        List.of(a1, b1, a2).forEach(own::add);

        assertEquals(List.of(a1, a2), own.ofName("a"));
        assertEquals(List.of(b1), own.ofName("b"));
        assertEquals(List.of(), own.ofName("c"));

        own.remove(a1);
        assertEquals(List.of(a2), own.ofName("a"));
        own.remove(a2);
        assertTrue(own.ofName("a").isEmpty());
        assertEquals(List.of(b1), own.all());
    }

    @Test
    void aReplacedRegistrationNoLongerAnswersAndItsLateRemovalChangesNothing() {
        DefaultRegistration first = registration("a", "h:1");
        DefaultRegistration second = registration("a", "h:1");
        own.add(first);
        own.add(second);

        assertEquals(List.of(second), own.ofName("a"));
        own.remove(first);
        assertEquals(List.of(second), own.ofName("a"));
    }

    @Test
    void anUnregisterRacingCloseFindsNoPingSubscriptionAndLosesNothing() {
        DefaultRegistration a1 = registration("a", "h:1");
        DefaultRegistration a2 = registration("a", "h:2");
        own.add(a1);
        own.add(a2);

        own.close();
        own.remove(a1);

        assertEquals(List.of(a2), own.all());
        assertTrue(own.ofName("a").isEmpty(), "closed: nothing answers pings");
    }

    private static DefaultRegistration registration(String name, String address) {
        return new DefaultRegistration(new DefaultRegistration.Announcer() {
            @Override
            public RegisterTemplate registerTemplate(Service service) {
                throw new AssertionError("not announced in this test");
            }

            @Override
            public void publishRegister(RegisterTemplate message) {
            }

            @Override
            public void publishUnregister(Service service) {
            }

            @Override
            public void forget(DefaultRegistration registration) {
            }

            @Override
            public void later(Runnable task, Duration delay) {
            }
        }, Service.builder(name).address(address).build());
    }
}
