package dev.registry;

import dev.registry.internal.HostName;
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

    private Filters() {
    }

    /**
     * Round robin: one instance per call, the next one each call, counted per service name and shared by
     * every caller in this JVM (so {@code getService(name, Filters.loadBalance())} spreads calls without the
     * caller keeping a filter). Thread-safe without locks.
     */
    public static Filter loadBalance() {
        return LOAD_BALANCE;
    }

    /** Only instances whose status is {@link Status#PASSING}. */
    public static Filter passing() {
        return PASSING;
    }

    /**
     * Only instances whose host is this machine's host name (the default host of a registration). If the
     * registry's host name was configured, use {@link #sameHost(String)} with that name instead.
     */
    public static Filter localhost() {
        return sameHost(HostName.local());
    }

    /** Only instances whose {@linkplain Service#host() host} equals {@code host}. */
    public static Filter sameHost(String host) {
        Objects.requireNonNull(host, "host");
        return where(service -> service.host().equals(host));
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
