package dev.registry.micrometer;

import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.RegistryStats;

/**
 * Reads a registry's counters for the meters: a fresh {@link Registry#stats()} snapshot per read, or the last
 * one taken once the registry is closed, so a scrape during shutdown reports the final values instead of
 * failing. Thread-safe.
 */
final class StatsReader {

    private final Registry registry;
    private volatile RegistryStats last;

    StatsReader(Registry registry) {
        this.registry = registry;
        this.last = registry.stats();
    }

    /** The registry's counters now, or its last ones once it is closed. */
    RegistryStats stats() {
        try {
            RegistryStats stats = registry.stats();
            last = stats;
            return stats;
        } catch (RegistryClosedException closed) {
            return last;
        }
    }

    /** This process's live registrations: none once the registry is closed (close unregisters them all). */
    int registrations() {
        try {
            return registry.registrations().size();
        } catch (RegistryClosedException closed) {
            return 0;
        }
    }
}
