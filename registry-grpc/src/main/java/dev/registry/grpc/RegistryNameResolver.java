package dev.registry.grpc;

import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Subscription;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import java.util.List;

/**
 * Resolves one service name for one channel: watches the name on the registry and hands the channel the full
 * address list after every change, or {@code UNAVAILABLE} while there is no passing instance.
 *
 * <p>gRPC calls {@link #start}, {@link #refresh} and {@link #shutdown} in the channel's synchronization context;
 * watch callbacks arrive on the registry's event threads and are handed over to that context, in order. Every
 * field is read and written in that context only. A start that fails (the bus cannot be reached) reports
 * {@code UNAVAILABLE}; the channel then calls {@link #refresh} after its backoff, which starts again.
 */
final class RegistryNameResolver extends NameResolver {

    private final String name;
    private final RegistryLease lease;
    private final SynchronizationContext context;
    private Listener2 listener;
    private Registry registry;
    private Subscription watch;
    private ResolutionResult last;
    private boolean shutdown;

    RegistryNameResolver(String name, RegistryLease lease, SynchronizationContext context) {
        this.name = name;
        this.lease = lease;
        this.context = context;
    }

    /** The service name, as DNS gives the host name: the default authority of the channel's calls. */
    @Override
    public String getServiceAuthority() {
        return name;
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        watch();
    }

    /**
     * Hands the channel the last list again (it asks after a connection failed, and the list may not have been
     * accepted); starts the watch again if it could not start. The registry pushes changes, so nothing is polled.
     */
    @Override
    public void refresh() {
        if (shutdown || listener == null) {
            return;
        }
        if (watch == null) {
            watch();
        } else if (last != null) {
            listener.onResult2(last);
        }
    }

    @Override
    public void shutdown() {
        if (shutdown) {
            return;
        }
        shutdown = true;
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (registry != null) {
            registry = null;
            lease.release();
        }
    }

    private void watch() {
        try {
            if (registry == null) {
                registry = lease.acquire();
            }
            watch = registry.watch(name, instances -> {
                ResolutionResult result = resultOf(instances);
                context.execute(() -> deliver(result));
            });
        } catch (RuntimeException failure) {
            listener.onError(Status.UNAVAILABLE.withDescription("cannot watch service '" + name + "' on the registry: "
                    + failure.getMessage()).withCause(failure));
        }
    }

    private void deliver(ResolutionResult result) {
        if (!shutdown) {
            last = result;
            listener.onResult2(result);
        }
    }

    /** Runs on the registry's event thread: host names are resolved there, not in the channel's context. */
    private ResolutionResult resultOf(List<Service> instances) {
        List<EquivalentAddressGroup> addresses = InstanceAddresses.of(instances);
        StatusOr<List<EquivalentAddressGroup>> addressesOrError = addresses.isEmpty()
                ? StatusOr.fromStatus(Status.UNAVAILABLE.withDescription(instances.isEmpty()
                        ? "no passing instance of service '" + name + "' is registered"
                        : "none of the " + instances.size() + " passing instances of service '" + name + "' has a TCP port"))
                : StatusOr.fromValue(addresses);
        return ResolutionResult.newBuilder().setAddressesOrError(addressesOrError).build();
    }
}
