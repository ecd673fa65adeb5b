package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.testkit.RegistryContractTest;

class InMemoryRegistryContractTest extends RegistryContractTest {

    @Override
    protected Pubsub newPubsub() {
        return InMemoryPubsub.connect("registry-contract");
    }
}
