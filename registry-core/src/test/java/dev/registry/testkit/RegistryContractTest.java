package dev.registry.testkit;

import dev.registry.spi.Pubsub;

/**
 * The behaviour every transport must give a {@code Registry}, checked across several registries, each on its
 * own connection to one real bus. A transport module extends this class and supplies {@link #newPubsub()};
 * each test runs under its own main topic, so tests never see each other's messages.
 */
public abstract class RegistryContractTest {

    /** A new, independent connection to the bus under test. */
    protected abstract Pubsub newPubsub();
}
