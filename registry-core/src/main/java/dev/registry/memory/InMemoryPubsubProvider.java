package dev.registry.memory;

import dev.registry.spi.Pubsub;
import dev.registry.spi.PubsubProvider;
import java.net.URI;
import java.util.Set;

/** Handles {@code mem://name} URLs: a connection to the in-memory bus called {@code name}. */
public final class InMemoryPubsubProvider implements PubsubProvider {

    /** Called by {@link java.util.ServiceLoader}; users call {@code Registry.connect("mem://name")} instead. */
    public InMemoryPubsubProvider() {
    }

    @Override
    public Set<String> schemes() {
        return Set.of("mem");
    }

    @Override
    public Pubsub connect(URI uri) {
        String name = uri.getAuthority() != null ? uri.getAuthority() : uri.getSchemeSpecificPart();
        if (name == null || name.isBlank() || name.startsWith("/")) {
            throw new IllegalArgumentException("in-memory bus URL must name the bus, e.g. mem://demo, but was " + uri);
        }
        return InMemoryPubsub.connect(name);
    }
}
