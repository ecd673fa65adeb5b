package dev.registry.tck.memory;

// The example of README.md ("Testing a transport: registry-tck"), verbatim from here on: it runs every suite on the in-memory transport,
// which proves the kit itself, and compiling it proves the example. One file, so the example stays one block.
import dev.registry.memory.InMemoryPubsub;
import dev.registry.spi.Pubsub;
import dev.registry.tck.*;

class InMemoryPubsubContractTest extends PubsubContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryRegistryContractTest extends RegistryContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryRobustnessContractTest extends RobustnessContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryFeatureContractTest extends FeatureContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryHardeningContractTest extends HardeningContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryRoutingContractTest extends RoutingContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
class InMemoryChurnContractTest extends ChurnContractTest {
    @Override protected Pubsub newPubsub() { return InMemoryPubsub.connect("tck"); }
}
