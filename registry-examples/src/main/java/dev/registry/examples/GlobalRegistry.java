package dev.registry.examples;

import dev.registry.Filter;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.Service;
import dev.registry.ServiceListener;
import dev.registry.Subscription;
import java.util.List;
import java.util.Objects;

/**
 * A process-wide default registry for quick scripts, as the Go library's package-level functions
 * ({@code registry.SetDefault}, {@code registry.Register}, {@code registry.GetService}): call
 * {@code GlobalRegistry.register(...)} without passing a registry around. The first use connects with
 * {@link Registry#connect()}, so the bus and options come from {@code REGISTRY_URL} and the other
 * {@code REGISTRY_*} variables; {@link #setDefault(Registry)} installs one of your own instead.
 *
 * <p>Unlike Go (docs/PROTOCOL.md, known defect 5), closing some other registry leaves the default alone, and once
 * the default is closed every call fails at once with {@link RegistryClosedException} instead of blocking:
 * a script that closed it has a bug to see, not a hang to debug. {@link #setDefault(Registry)} makes it usable
 * again. Thread-safe.
 */
public final class GlobalRegistry {

    private static final Object LOCK = new Object();
    /** The default registry; null before its first use and after {@link #close()}. Guarded by {@link #LOCK}. */
    private static Registry current;
    /** Whether {@link #close()} ran since the last {@link #setDefault(Registry)}. Guarded by {@link #LOCK}. */
    private static boolean closed;

    private GlobalRegistry() {
    }

    /**
     * Makes {@code registry} the default. The previous default, if any, is not closed: whoever created it
     * still owns it.
     */
    public static void setDefault(Registry registry) {
        Objects.requireNonNull(registry, "registry");
        synchronized (LOCK) {
            current = registry;
            closed = false;
        }
    }

    /**
     * The default registry, connected from the environment on first use.
     *
     * @throws RegistryClosedException if {@link #close()} closed it and no other was set since
     */
    public static Registry get() {
        synchronized (LOCK) {
            if (closed) {
                throw new RegistryClosedException("the default registry was closed by GlobalRegistry.close();"
                        + " call GlobalRegistry.setDefault(...) to use another");
            }
            if (current == null) {
                current = Registry.connect();
            }
            return current;
        }
    }

    /** {@link Registry#register(Service)} on the default registry. */
    public static Registration register(Service service) {
        return get().register(service);
    }

    /** {@link Registry#getService(String, Filter...)} on the default registry. */
    public static Service getService(String name, Filter... filters) {
        return get().getService(name, filters);
    }

    /** {@link Registry#getServices(String, Filter...)} on the default registry. */
    public static List<Service> getServices(String name, Filter... filters) {
        return get().getServices(name, filters);
    }

    /** {@link Registry#observe(String, ServiceListener)} on the default registry. */
    public static Subscription observe(String name, ServiceListener listener) {
        return get().observe(name, listener);
    }

    /** Closes the default registry (its instances unregister); later calls fail until {@link #setDefault(Registry)}. */
    public static void close() {
        Registry closing;
        synchronized (LOCK) {
            closing = current;
            current = null;
            closed = true;
        }
        if (closing != null) {
            closing.close();
        }
    }
}
