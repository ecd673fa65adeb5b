package dev.registry.catalog.internal;

import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.Service;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Makes sure the services a request names are in the catalog before it is answered. The catalog learns of a
 * service from its heartbeats, up to a register interval after it registered; a request naming a service the
 * catalog has no instance of looks it up through the registry, which pings it, and its instances answer within
 * milliseconds. The request then waits (at most the registry's lookup timeout, holding no thread) until the
 * catalog holds every instance the lookup found, so that its answer and its index come from one view.
 *
 * <p>Thread-safe; the futures complete on the server's executor, never on a registry thread.
 */
final class ColdLookups {

    private final Registry registry;
    private final CatalogState state;
    private final Waiters waiters;

    ColdLookups(Registry registry, CatalogState state, Waiters waiters) {
        this.registry = registry;
        this.state = state;
        this.waiters = waiters;
    }

    /**
     * Completes once every name in {@code names} is in the catalog, or once its lookup found nothing or timed out.
     *
     * @throws HttpError 400 naming what is wrong with a name the registry cannot look up
     */
    CompletableFuture<Void> discover(Collection<String> names) throws HttpError {
        CompletableFuture<?>[] all = new CompletableFuture<?>[names.size()];
        int i = 0;
        for (String name : names) {
            all[i++] = discover(name);
        }
        return CompletableFuture.allOf(all);
    }

    private CompletableFuture<Void> discover(String name) throws HttpError {
        if (!state.view().instances(name).isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<List<Service>> lookup;
        try {
            lookup = registry.getServicesAsync(name);
        } catch (IllegalArgumentException invalidName) {
            throw HttpError.badRequest(invalidName.getMessage());
        } catch (RegistryClosedException closed) {
            // the registry is the caller's to close: the server answers from its last view
            return CompletableFuture.completedFuture(null);
        }
        Duration timeout = registry.options().lookupTimeout();
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        lookup.whenComplete((found, failure) -> {
            // a failed lookup (the registry closing) answers with what the catalog has
            Set<String> ids = failure != null ? Set.of() : found.stream().map(Service::id).collect(Collectors.toSet());
            waiters.park(() -> held(name, ids), timeout, () -> caughtUp.complete(null));
        });
        return caughtUp;
    }

    private boolean held(String name, Set<String> ids) {
        ServiceEntry entry = state.view().services().get(name);
        return ids.isEmpty() || entry != null && entry.instances().keySet().containsAll(ids);
    }
}
