package dev.registry;

import dev.registry.internal.LocalHostFilter;
import dev.registry.internal.Rendezvous;
import dev.registry.internal.VersionRange;
import dev.registry.internal.WeightedRoundRobin;
import dev.registry.internal.RoundRobin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The filters a Go peer offers, plus a predicate adapter. Every filter here is thread-safe and allocation-free
 * when nothing is filtered out.
 */
public final class Filters {

    private static final Filter LOAD_BALANCE = new RoundRobin();
    private static final Filter PASSING = where(service -> service.status() == Status.PASSING);
    private static final Filter LOCALHOST = new LocalHostFilter();
    private static final Filter WEIGHTED = new WeightedRoundRobin();

    /** The {@code kv} key {@link #preferZone(String)} reads. */
    public static final String ZONE_KEY = "zone";

    private Filters() {
    }

    /**
     * Round robin: one instance per call, the next one each call. In a registry's lookups the position is the
     * registry's own, one per service name and calling thread (so {@code getService(name, Filters.loadBalance())}
     * spreads calls without the caller keeping a filter, and callers on many threads share no position): each
     * thread rotates through a name's instances in order, starting at a random one, so calls spread evenly per
     * thread and across threads. Thread-safe without locks; a lookup writes nothing another thread reads.
     */
    public static Filter loadBalance() {
        return LOAD_BALANCE;
    }

    /**
     * Weighted load balancing: one instance per call, each chosen in proportion to its integer {@code kv}
     * {@code weight} (default 1; 0 means never, unless every instance has 0), smoothly: the sequence interleaves
     * (weights 5:1:1 give a a b a c a a), as nginx's smooth weighted round robin does, so a canary with weight 1
     * next to a stable instance with 9 gets every tenth call, never ten in a row. In a registry's lookups the scores
     * are the registry's own, per service name. Thread-safe.
     */
    public static Filter weighted() {
        return WEIGHTED;
    }

    /**
     * Only instances whose version ({@code v}) is in {@code range}: {@code "^1.4"} (compatible with 1.4),
     * {@code "~1.4"} (1.4.x), {@code ">=1.2 <2.0"}, {@code "1.4.2"} (exactly), {@code "1.x || >=2.1"}, with SemVer
     * 2.0 precedence. Pre-releases match only a range that names a pre-release of the same version
     * ({@code ">=2.0.0-rc.1"}); instances without a version, or with one that is not SemVer, never match. The range
     * is parsed here, once, not at each lookup.
     *
     * @throws IllegalArgumentException naming the range and what in it is not understood
     */
    public static Filter version(String range) {
        Objects.requireNonNull(range, "range");
        VersionRange parsed = VersionRange.parse(range);
        return where(service -> parsed.contains(service.version()));
    }

    /**
     * The same instance for the same {@code key} (a session id, a user, a tenant) while it is passing, by
     * rendezvous hashing: when an instance leaves, only the keys it had move, and a new instance takes about 1/n
     * of the keys. Falls back to the instances that are not passing only when none is. Keeps no state.
     */
    public static Filter sticky(String key) {
        return new Rendezvous(Objects.requireNonNull(key, "key"));
    }

    /** Only instances whose status is {@link Status#PASSING}. */
    public static Filter passing() {
        return PASSING;
    }

    /**
     * Only instances on this host: in a registry's lookups, those whose host is the registry's
     * {@linkplain RegistryOptions#hostName() host name} (the host its own registrations get, this machine's name
     * unless configured); applied to a list outside a registry, this machine's host name.
     */
    public static Filter localhost() {
        return LOCALHOST;
    }

    /** Only instances whose {@linkplain Service#host() host} equals {@code host}. */
    public static Filter sameHost(String host) {
        Objects.requireNonNull(host, "host");
        return where(service -> service.host().equals(host));
    }

    /** Only instances that declare an {@link Endpoint} speaking {@code protocol} (such as {@code grpc}). */
    public static Filter withProtocol(String protocol) {
        Objects.requireNonNull(protocol, "protocol");
        return where(service -> service.endpoints().stream().anyMatch(endpoint -> endpoint.protocol().equals(protocol)));
    }

    /**
     * Zone preference: the passing instances whose {@code kv} {@code zone} is {@code zone}, or, when none is
     * passing there, the passing instances of the other zones (so a caller stays in its zone while it can and
     * fails over when it must). Empty only when no instance anywhere is passing.
     */
    public static Filter preferZone(String zone) {
        Objects.requireNonNull(zone, "zone");
        Filter inZone = where(service -> service.status() == Status.PASSING && zone.equals(service.kv().get(ZONE_KEY)));
        return instances -> {
            List<Service> local = inZone.apply(instances);
            return local.isEmpty() ? PASSING.apply(instances) : local;
        };
    }

    /** Only instances matching {@code predicate}; returns the input list itself when all match. */
    public static Filter where(Predicate<Service> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return instances -> {
            int size = instances.size();
            int firstMiss = 0;
            while (firstMiss < size && predicate.test(instances.get(firstMiss))) {
                firstMiss++;
            }
            if (firstMiss == size) {
                return instances;
            }
            List<Service> passed = new ArrayList<>(size - 1);
            passed.addAll(instances.subList(0, firstMiss));
            for (int i = firstMiss + 1; i < size; i++) {
                Service candidate = instances.get(i);
                if (predicate.test(candidate)) {
                    passed.add(candidate);
                }
            }
            return passed;
        };
    }
}
