package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.FeatureContractTest;

class InMemoryFeatureContractTest extends FeatureContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("feature-contract");
    }
}
