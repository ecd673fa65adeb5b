package dev.registry.stork;

import dev.registry.EnvironmentConfig;
import dev.registry.Registry;
import io.smallrye.stork.spi.StorkInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registries behind the {@code registry} discoveries and registrars of a JVM.
 *
 * <p>A Stork service whose {@code registry} discovery or registrar sets none of the bus attributes ({@code url},
 * {@code main-topic}, {@code lookup-timeout}, {@code register-interval}, {@code due-factor}, {@code host-name},
 * {@code signing-key}) uses the {@link Registry} its Stork infrastructure supplies (see
 * {@link RegistryStorkInfrastructure}), which stays its owner's. Otherwise, or when the infrastructure supplies none,
 * it uses the registry this class connects for those attributes over the {@code REGISTRY_*} environment: one per
 * distinct set of attributes, shared by every service that names it, connected when the first such service is
 * created (so a bus that cannot be reached fails {@code Stork.initialize} at once).
 *
 * <p>Stork has no hook to close what a discovery holds, so these registries live until {@link #closeAll()} or the
 * JVM's shutdown (which unregisters their instances, unless {@code REGISTRY_UNREGISTER_ON_SHUTDOWN=false}). Call
 * {@link #closeAll()} after {@code Stork.shutdown()} when the JVM goes on. Thread-safe.
 */
public final class StorkRegistries {

    private static final Map<Map<String, String>, Registry> SHARED = new ConcurrentHashMap<>();

    private StorkRegistries() {
    }

    /**
     * Closes every registry connected from Stork attributes (unregistering what their registrars registered); the
     * next Stork service that needs one connects anew. Registries that an infrastructure supplied are left open.
     */
    public static void closeAll() {
        List<Registry> connected = new ArrayList<>(SHARED.values());
        SHARED.values().removeAll(connected);
        connected.forEach(Registry::close);
    }

    /**
     * The registry for the attributes {@code parameters} of the Stork configuration at {@code where}.
     *
     * @throws IllegalArgumentException naming the property when an attribute or the environment is invalid
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    static Registry registryFor(String where, Map<String, String> parameters, StorkInfrastructure infrastructure) {
        if (BusSettings.ATTRIBUTES.stream().noneMatch(parameters::containsKey)) {
            Registry supplied = infrastructure.get(Registry.class, () -> null);
            if (supplied != null) {
                return supplied;
            }
        }
        BusSettings settings = BusSettings.of(where, parameters, EnvironmentConfig.fromEnvironment());
        return SHARED.computeIfAbsent(settings.key(), key -> connect(where, settings));
    }

    private static Registry connect(String where, BusSettings settings) {
        try {
            return Registry.connect(settings.url(), settings.options());
        } catch (IllegalArgumentException invalidUrl) {
            throw new IllegalArgumentException(where + "." + BusSettings.URL + "='" + settings.url() + "': "
                    + invalidUrl.getMessage(), invalidUrl);
        }
    }
}
