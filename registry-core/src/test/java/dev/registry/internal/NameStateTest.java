package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.Status;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class NameStateTest {

    private final NameState state = new NameState("s", Runnable::run, new LongAdder());

    @Test
    void keepsTheInstancesInAddressOrderThroughPutsReplacementsAndRemovals() {
        for (String address : List.of("b:1", "d:1", "a:1", "c:1")) {
            assertTrue(state.put(instance(address, Status.PASSING)));
        }
        state.put(instance("c:1", Status.CRITICAL));

        assertEquals(List.of("a:1", "b:1", "c:1", "d:1"), addresses());
        assertEquals(Status.CRITICAL, state.snapshot.get(2).status());

        assertTrue(state.remove("a:1"));
        assertTrue(state.remove("d:1"));
        assertFalse(state.remove("x:1"));
        assertEquals(List.of("b:1", "c:1"), addresses());
        assertArrayEquals(state.snapshot.toArray(), state.instances);
    }

    private List<String> addresses() {
        return state.snapshot.stream().map(Service::address).toList();
    }

    private static Service instance(String address, Status status) {
        return Service.builder("s").address(address).status(status).build();
    }
}
