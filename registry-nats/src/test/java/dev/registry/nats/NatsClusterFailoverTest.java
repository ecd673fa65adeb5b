package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.tck.Await;
import dev.registry.tck.EventRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registries on a three-node NATS cluster, each connected to a different node: when the node under one of them
 * is SIGKILLed, that registry fails over to another node and nothing is lost. Heartbeats every 500 ms make
 * the due time 750 ms, so a failover slower than that would show as an {@code EXPIRED} event.
 */
class NatsClusterFailoverTest {

    private static final Duration REGISTER_INTERVAL = Duration.ofMillis(500);
    private static final String NAME = "failover";

    private NatsCluster cluster;
    private final List<Registry> registries = new ArrayList<>();
    private final List<EventRecorder> events = new ArrayList<>();
    private RegistryOptions options;

    @BeforeEach
    void startCluster() {
        cluster = NatsCluster.start(3);
        options = RegistryOptions.builder().mainTopic("f" + UUID.randomUUID().toString().replace("-", ""))
                .registerInterval(REGISTER_INTERVAL).lookupTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stopEverything() {
        registries.forEach(Registry::close);
        cluster.close();
    }

    @Test
    void aRegistryGivenEverySeedFailsOverAndEveryRegistryKeepsEveryInstance() {
        // the victim is given every node, as a user gives a client the cluster's seeds; the others one node
        // each, so that the three sit on three different nodes whichever node the victim picked
        NatsPubsub victimBus = NatsPubsub.connect(cluster.seedUrl());
        int killed = nodeOf(victimBus);
        List<NatsPubsub> buses = new ArrayList<>(List.of(victimBus));
        for (int i = 0; i < cluster.size(); i++) {
            if (i != killed) {
                buses.add(NatsPubsub.connect(NatsServer.url(cluster.node(i))));
            }
        }
        buses.forEach(this::observingRegistry);
        for (int i = 0; i < registries.size(); i++) {
            registries.get(i).register(Service.builder(NAME).address(address(i)).build());
        }
        awaitEverywhere(address(0), address(1), address(2));

        long killedAt = System.nanoTime();
        cluster.node(killed).kill();
        registries.get(0).register(Service.builder(NAME).address(address(3)).build());
        awaitEverywhere(address(3));
        long healedMillis = Duration.ofNanos(System.nanoTime() - killedAt).toMillis();
        System.out.println("FAULT nats-cluster-failover healed-ms=" + healedMillis);

        assertNotEquals(killed, nodeOf(victimBus), "the victim's connection moved to a live node");
        awaitTwoDueTimesOfHeartbeats();
        assertNothingExpiredAndEveryoneSees(address(0), address(1), address(2), address(3));
    }

    @Test
    void aRegistryGivenOneSeedFailsOverToANodeItLearnedFromTheCluster() {
        NatsPubsub victimBus = NatsPubsub.connect(NatsServer.url(cluster.node(0)));
        observingRegistry(victimBus);
        observingRegistry(NatsPubsub.connect(NatsServer.url(cluster.node(1))));
        registries.get(0).register(Service.builder(NAME).address(address(0)).build());
        registries.get(1).register(Service.builder(NAME).address(address(1)).build());
        awaitEverywhere(address(0), address(1));

        cluster.node(0).kill();
        registries.get(0).register(Service.builder(NAME).address(address(2)).build());
        awaitEverywhere(address(2));

        assertNotEquals(0, nodeOf(victimBus), "the victim's connection moved to a node it was not given");
        awaitTwoDueTimesOfHeartbeats();
        assertNothingExpiredAndEveryoneSees(address(0), address(1), address(2));
    }

    private void observingRegistry(NatsPubsub bus) {
        Registry registry = Registry.connect(bus, options);
        registries.add(registry);
        EventRecorder recorder = new EventRecorder();
        registry.observe(NAME, recorder);
        events.add(recorder);
    }

    private void awaitEverywhere(String... addresses) {
        for (EventRecorder recorder : events) {
            for (String address : addresses) {
                recorder.await(ServiceEvent.Type.REGISTERED, address);
            }
        }
    }

    /**
     * Lets every registry beat four more times (two due times): had a failover outlasted the due time, or the
     * victim's heartbeats stopped reaching the others, they would have expired its instances by then.
     */
    private void awaitTwoDueTimesOfHeartbeats() {
        List<Long> before = registries.stream().map(registry -> registry.stats().messagesOut()).toList();
        Await.until("four heartbeats of every registry after the failover", () -> {
            for (int i = 0; i < registries.size(); i++) {
                int beats = registries.get(i).registrations().size() * 4;
                if (registries.get(i).stats().messagesOut() < before.get(i) + beats) {
                    return false;
                }
            }
            return true;
        });
    }

    private void assertNothingExpiredAndEveryoneSees(String... addresses) {
        for (int i = 0; i < registries.size(); i++) {
            assertEquals(List.of(), events.get(i).of(ServiceEvent.Type.EXPIRED), "registry " + i + " expired nothing");
            assertEquals(List.of(addresses), registries.get(i).getServices(NAME).stream().map(Service::address)
                    .sorted().toList(), "registry " + i + " sees every instance");
        }
    }

    private int nodeOf(NatsPubsub bus) {
        int node = cluster.indexOfPort(URI.create(bus.connection().getConnectedUrl()).getPort());
        assertTrue(node >= 0, "connected to a node of the cluster: " + bus.connection().getConnectedUrl());
        return node;
    }

    private static String address(int index) {
        return "127.0.0.1:" + (10 + index);
    }
}
