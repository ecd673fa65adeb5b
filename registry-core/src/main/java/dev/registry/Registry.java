package dev.registry;

import dev.registry.internal.DefaultRegistry;
import dev.registry.internal.PubsubProviders;
import dev.registry.spi.Pubsub;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A peer-to-peer service registry on a pub/sub bus: register this process's instances, look up others',
 * observe changes. There is no server; each registry keeps a cache of the services it looks up or observes,
 * kept current by heartbeats on the bus, and speaks the wire protocol of the Go library
 * {@code eddieraa/registry}.
 *
 * <pre>{@code
 * try (Registry registry = Registry.connect(NatsPubsub.of(natsConnection))) {
 *     registry.register(Service.builder("orders").address("10.0.0.5:8080").build());
 *     Service payments = registry.getService("payments", Filters.loadBalance());
 * }
 * }</pre>
 *
 * <h2>Threading and bounds</h2>
 * Thread-safe. Lookups of a cached name read an immutable snapshot without lock or I/O. Filters run on the
 * caller's thread (an async lookup's on a registry thread); listeners and watchers on the registry's
 * {@code registry-events} threads or the configured listener executor, in order per name, never on a transport
 * thread, and one that blocks delays only its own name. No method blocks longer than its bound, whatever the
 * bus or user code does: a lookup the lookup timeout, {@link #await} its timeout; {@link #register},
 * {@link #observe} and a registration's changes return at once while the bus is down (taking effect when it is
 * back) and wait at most the lookup timeout for their subscription while it is up. {@link #close()} releases
 * every waiting call with {@link RegistryClosedException}, and every call after it throws that exception. The
 * registry starts daemon threads named {@code registry-...}, all stopped by {@link #close()}.
 */
public interface Registry extends AutoCloseable {

    /**
     * A registry configured by this process's environment, 12-factor style: the bus at {@code REGISTRY_URL}
     * (default {@code nats://127.0.0.1:4222}) with the options the other {@code REGISTRY_*} variables set
     * ({@link EnvironmentConfig} lists them). The registry owns that connection.
     *
     * @throws IllegalArgumentException if a variable holds an invalid value (the message names the variable and
     *                                  the value), or no transport on the class path handles the URL's scheme
     * @throws dev.registry.TransportException if the bus cannot be reached (a {@link RegistryException})
     */
    static Registry connect() {
        EnvironmentConfig environment = EnvironmentConfig.fromEnvironment();
        return connect(environment.url(), environment.options());
    }

    /** A registry with default options on {@code pubsub}, which it closes in {@link #close()}. */
    static Registry connect(Pubsub pubsub) {
        return connect(pubsub, RegistryOptions.defaults());
    }

    /** A registry with {@code options} on {@code pubsub}, which it closes in {@link #close()}. */
    static Registry connect(Pubsub pubsub, RegistryOptions options) {
        return new DefaultRegistry(Objects.requireNonNull(pubsub, "pubsub"), Objects.requireNonNull(options, "options"));
    }

    /**
     * A registry with default options on the bus at {@code url}, whose transport is found on the class path
     * by the URL's scheme ({@code nats://}, {@code mem://}, ...). The registry owns that connection.
     *
     * @throws IllegalArgumentException if no transport on the class path handles the scheme (the message
     *                                  names the schemes that are available)
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    static Registry connect(String url) {
        return connect(url, RegistryOptions.defaults());
    }

    /** As {@link #connect(String)}, with {@code options}. */
    static Registry connect(String url, RegistryOptions options) {
        Objects.requireNonNull(options, "options");
        return connect(PubsubProviders.connect(url), options);
    }

    /**
     * Registers an instance: publishes it at once, then every register interval, and answers pings for its
     * name until it is unregistered or this registry closes. A service without a host gets the registry's
     * host name. Registering the same name and address again replaces the earlier registration. Returns at once
     * while the bus is down: the instance is announced when it is back.
     *
     * @throws IllegalArgumentException if the service's message would be larger than the options'
     *                                  {@code maxMessageSize} (every peer would drop it)
     * @throws RegistryClosedException if the registry is closed
     */
    Registration register(Service service);

    /**
     * Registers an instance as {@link #register(Service)} does, and runs {@code check} for it: its outcomes set
     * the registration's status (see {@link HealthCheck}). The check stops when the instance is unregistered.
     */
    Registration register(Service service, HealthCheck check);

    /**
     * One instance of {@code name} passing the default filters then {@code filters}: the first of what they
     * leave, so pass {@link Filters#loadBalance()} to spread calls. Answers from the cache when it can;
     * otherwise pings the bus and waits up to the lookup timeout, running the filters on this thread as answers
     * arrive: what a filter throws, this method throws, at once.
     *
     * @throws ServiceNotFoundException if none passed within the lookup timeout
     * @throws IllegalArgumentException if {@code name} is not a valid service name
     * @throws NullPointerException if a filter is null
     * @throws RegistryClosedException if the registry is or gets closed
     */
    Service getService(String name, Filter... filters);

    /** {@link #getService(String, Filter...)} without filters; no array is allocated on a cache hit. */
    Service getService(String name);

    /** {@link #getService(String, Filter...)} with one filter; no array is allocated on a cache hit. */
    Service getService(String name, Filter filter);

    /** As {@link #getService}, but empty instead of throwing when nothing is found. */
    Optional<Service> findService(String name, Filter... filters);

    /**
     * {@link #getService(String, Filter...)} waiting at most {@code timeout} (instead of the lookup timeout) for an
     * answer when nothing usable is cached: a deadline for one call, as Go's {@code GetServices(ctx)} has.
     * {@code Duration.ZERO} answers from the cache only.
     *
     * @throws IllegalArgumentException if {@code timeout} is negative or above 1 h
     */
    Service getService(String name, Duration timeout, Filter... filters);

    /** {@link #findService(String, Filter...)} with a deadline for this call, as {@link #getService(String, Duration, Filter...)}. */
    Optional<Service> findService(String name, Duration timeout, Filter... filters);

    /** {@link #getServices(String, Filter...)} with a deadline for this call, as {@link #getService(String, Duration, Filter...)}. */
    List<Service> getServices(String name, Duration timeout, Filter... filters);

    /**
     * Every instance of {@code name} passing the filters, as an immutable list. On a cold cache it pings and
     * collects every answer that arrives within the lookup timeout, whatever arrived first (a heartbeat landing
     * before the answers does not cut the list short); concurrent callers each get the full list; empty when
     * none answered. Filters and exceptions as for {@link #getService}.
     */
    List<Service> getServices(String name, Filter... filters);

    /**
     * {@link #getService} without blocking the caller: completes on a registry thread (never a transport's, and
     * never behind a blocked listener), exceptionally with {@link ServiceNotFoundException} after the lookup
     * timeout, with what a filter threw, or with {@link RegistryClosedException} when the registry closes.
     * Completes at once on a cache hit. Cancelling the returned future ends the lookup (its waiter and timer are
     * released at once).
     */
    CompletableFuture<Service> getServiceAsync(String name, Filter... filters);

    /** {@link #getServices} without blocking the caller; completes as {@link #getServiceAsync} does. */
    CompletableFuture<List<Service>> getServicesAsync(String name, Filter... filters);

    /**
     * Calls {@code listener} for every change of the instances of {@code name} from now on, and keeps
     * {@code name} cached; pings the name so that instances already on the bus are announced (and reported as
     * {@code REGISTERED} if not cached yet). Closing the subscription stops the events; once nothing else uses
     * the name, it is forgotten after the options' {@code nameIdleTime}.
     */
    Subscription observe(String name, ServiceListener listener);

    /** Calls {@code listener} for every change of every service on this registry's main topic. */
    Subscription observeAll(ServiceListener listener);

    /**
     * Keeps {@code watcher} told of the full list of passing instances of {@code name} (like Curator's
     * ServiceCache or a client's host list): once as soon as the first lookup settles (possibly with an empty
     * list), then after every change. Bursts of changes are coalesced into one call with the final list, and
     * a call never carries a list older than one already delivered. The watcher runs on the listener
     * executor, in order with {@code name}'s events; close the subscription to stop.
     */
    Subscription watch(String name, Consumer<List<Service>> watcher);

    /**
     * As {@link #watch(String, Consumer)}, and also calls {@code watcher} with the full list every
     * {@code refreshEvery} even when nothing changed (periodic reconciliation: a consumer that missed or
     * mishandled a call converges).
     */
    Subscription watch(String name, Duration refreshEvery, Consumer<List<Service>> watcher);

    /**
     * Waits until every one of {@code names} has at least one passing instance, as a service resolves its
     * dependencies before it starts serving.
     *
     * @throws DependencyTimeoutException naming the services still missing after {@code timeout}
     * @throws RegistryClosedException if the registry is or gets closed meanwhile
     */
    void await(Duration timeout, String... names);

    /** This process's live registrations. */
    List<Registration> registrations();

    /** The names this registry is subscribed to now (looked up, observed or watched, and not yet idle). */
    Set<String> observedNames();

    /** A snapshot of this registry's counters. */
    RegistryStats stats();

    /** The options this registry runs with. */
    RegistryOptions options();

    /**
     * Unregisters every registration of this registry, releases every waiting call with
     * {@link RegistryClosedException}, stops its threads and closes its transport. Idempotent; other registries
     * in the JVM are not affected.
     */
    @Override
    void close();
}
