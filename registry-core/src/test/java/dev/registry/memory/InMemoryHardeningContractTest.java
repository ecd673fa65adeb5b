package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.HardeningContractTest;

class InMemoryHardeningContractTest extends HardeningContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("hardening-contract");
    }
}
