package dev.registry.stork;

import dev.registry.Registry;
import io.smallrye.stork.api.observability.ObservationCollector;
import io.smallrye.stork.integration.DefaultStorkInfrastructure;
import io.smallrye.stork.spi.StorkInfrastructure;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Stork infrastructure that supplies a registry of your own to every {@code registry} discovery and registrar
 * configured without bus attributes: {@code Stork.initialize(new RegistryStorkInfrastructure(registry))}. The
 * registry stays yours (Stork never closes it); every other utility comes from the delegate. Thread-safe.
 */
public final class RegistryStorkInfrastructure implements StorkInfrastructure {

    private final Registry registry;
    private final StorkInfrastructure delegate;

    /** Supplies {@code registry}, and Stork's default utilities. */
    public RegistryStorkInfrastructure(Registry registry) {
        this(registry, new DefaultStorkInfrastructure());
    }

    /** Supplies {@code registry}, and {@code delegate}'s utilities and observation collector. */
    public RegistryStorkInfrastructure(Registry registry, StorkInfrastructure delegate) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public <T> T get(Class<T> utilityClass, Supplier<T> defaultSupplier) {
        return utilityClass == Registry.class ? utilityClass.cast(registry) : delegate.get(utilityClass, defaultSupplier);
    }

    @Override
    public ObservationCollector getObservationCollector() {
        return delegate.getObservationCollector();
    }
}
