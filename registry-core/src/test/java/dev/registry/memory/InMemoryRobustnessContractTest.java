package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.RobustnessContractTest;

class InMemoryRobustnessContractTest extends RobustnessContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("robustness-contract");
    }
}
