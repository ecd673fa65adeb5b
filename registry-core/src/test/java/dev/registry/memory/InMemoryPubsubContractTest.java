package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.PubsubContractTest;

class InMemoryPubsubContractTest extends PubsubContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("pubsub-contract");
    }
}
