package dev.registry.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.ServiceEvent.Type;
import dev.registry.Status;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The indexes of the catalog's parts, event by event: each rises exactly when what it covers changes. */
class CatalogStateTest {

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final CatalogState state = new CatalogState(new Waiters(executor));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyEventRaisesTheCatalogAndItsServiceAndNamesRiseOnlyWhenTheSetOfNamesChanges() {
        Service first = Service.builder("web").address("10.0.0.5:80").host("h1").build();
        Service second = Service.builder("web").address("10.0.0.6:80").host("h2").build();
        assertEquals(1, state.view().index(), "1 before any event, so that a client's first blocking query waits");
        assertEquals(1, state.view().index("web"));

        state.onEvent(new ServiceEvent(Type.REGISTERED, first));
        assertEquals(2, state.view().index());
        assertEquals(2, state.view().index("web"));
        assertEquals(2, state.view().servicesIndex());

        state.onEvent(new ServiceEvent(Type.REGISTERED, second));
        assertEquals(3, state.view().index("web"));
        assertEquals(2, state.view().servicesIndex(), "another instance of a known name: the names did not change");
        assertEquals(3, state.view().nodesIndex(), "a new host: a new node");

        state.onEvent(new ServiceEvent(Type.UPDATED, first.withStatus(Status.CRITICAL)));
        IndexedInstance updated = state.view().instances("web").get(0);
        assertEquals(2, updated.createIndex());
        assertEquals(4, updated.modifyIndex());
        assertEquals(3, state.view().nodesIndex(), "a status changes no node");

        state.onEvent(new ServiceEvent(Type.UNREGISTERED, first));
        state.onEvent(new ServiceEvent(Type.EXPIRED, second));
        assertEquals(6, state.view().index("web"), "the name keeps its index once empty: it never goes back");
        assertEquals(6, state.view().servicesIndex());
        assertEquals(List.of(), state.view().liveNames());
        assertTrue(state.view().nodes().isEmpty());
        assertEquals(6, state.view().nodesIndex());
    }

    @Test
    void aNodeIsAtTheAddressOfItsFirstInstance() {
        state.onEvent(new ServiceEvent(Type.REGISTERED, Service.builder("web").address(":80").host("h1").build()));
        assertEquals("h1", state.view().nodes().get("h1").address());

        state.onEvent(new ServiceEvent(Type.REGISTERED, Service.builder("api").address("10.0.0.5:81").host("h1").build()));
        assertEquals("10.0.0.5", state.view().nodes().get("h1").address(), "api sorts before web");
        assertEquals(3, state.view().nodes().get("h1").modifyIndex());
        assertEquals(2, state.view().nodes().get("h1").createIndex());
    }
}
