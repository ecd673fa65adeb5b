package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.ChurnContractTest;

class InMemoryChurnContractTest extends ChurnContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("churn-contract");
    }
}
