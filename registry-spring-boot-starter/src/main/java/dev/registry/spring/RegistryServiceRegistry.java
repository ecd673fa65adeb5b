package dev.registry.spring;

import dev.registry.Registry;
import dev.registry.Status;
import java.util.Locale;
import org.springframework.cloud.client.serviceregistry.ServiceRegistry;

/**
 * Spring Cloud's {@link ServiceRegistry} over the registry: registers and unregisters a
 * {@link RegistryRegistration}, and changes its status, which the actuator's {@code serviceregistry} endpoint
 * exposes ({@code POST /actuator/serviceregistry} with {@code {"status":"critical"}}). A status is one of the
 * registry's, {@code passing}, {@code warning}, {@code critical}, in any case, or one of Spring Cloud's usual
 * words: {@code UP} (passing), {@code DOWN} and {@code OUT_OF_SERVICE} (critical). A status change is published at
 * once: callers' load balancers drop a critical instance in the time the bus carries the message.
 *
 * <p>Thread-safe; every method returns at once (the registry publishes in the background).
 */
public class RegistryServiceRegistry implements ServiceRegistry<RegistryRegistration> {

    /** The answer of {@link #getStatus} for a registration that is not registered. */
    public static final String UNREGISTERED = "unregistered";

    private final Registry registry;

    /** A service registry on {@code registry}. */
    public RegistryServiceRegistry(Registry registry) {
        this.registry = registry;
    }

    /** Registers {@code registration}'s instance, replacing an earlier registration of it. */
    @Override
    public void register(RegistryRegistration registration) {
        registration.live(registry.register(registration.service()));
    }

    /** Unregisters {@code registration}'s instance, if registered. Idempotent. */
    @Override
    public void deregister(RegistryRegistration registration) {
        dev.registry.Registration live = registration.live();
        if (live != null) {
            live.unregister();
            registration.live(null);
        }
    }

    /** Nothing to release: the registry is a bean of its own, closed with the context. */
    @Override
    public void close() {
    }

    /**
     * @throws IllegalArgumentException if {@code status} is none of those above
     * @throws IllegalStateException if {@code registration} is not registered
     */
    @Override
    public void setStatus(RegistryRegistration registration, String status) {
        dev.registry.Registration live = registration.live();
        if (live == null) {
            throw new IllegalStateException(registration.getServiceId() + " is not registered");
        }
        live.setStatus(parse(status));
    }

    /** The status announced ({@code passing}, {@code warning}, {@code critical}), or {@value #UNREGISTERED}. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getStatus(RegistryRegistration registration) {
        dev.registry.Registration live = registration.live();
        return (T) (live == null || !live.isRegistered() ? UNREGISTERED : live.status().wireName());
    }

    static Status parse(String status) {
        switch (status == null ? "" : status.strip().toUpperCase(Locale.ROOT)) {
            case "PASSING", "UP":
                return Status.PASSING;
            case "WARNING":
                return Status.WARNING;
            case "CRITICAL", "DOWN", "OUT_OF_SERVICE":
                return Status.CRITICAL;
            default:
                throw new IllegalArgumentException("status '" + status + "' is none of passing, warning, critical"
                        + " (or UP, DOWN, OUT_OF_SERVICE)");
        }
    }
}
