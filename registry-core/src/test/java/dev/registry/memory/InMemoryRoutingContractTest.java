package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.RoutingContractTest;

class InMemoryRoutingContractTest extends RoutingContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("routing-contract");
    }
}
