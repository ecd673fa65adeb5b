package dev.registry;

import java.util.List;
import java.util.Objects;

/**
 * Narrows the instances of one service a lookup may return, as a Go peer's filters do. Filters of one lookup
 * run in order, each on the previous one's result: the registry's default filters first, then the lookup's.
 *
 * <p>The input list is immutable, never empty, and holds instances of a single service name; return it
 * unchanged, return a new list, or return an empty list to pass none. Filters run on the caller's thread,
 * concurrently, so they must be thread-safe; they should not block. Ready-made filters are in {@link Filters}.
 */
@FunctionalInterface
public interface Filter {

    /** The instances that pass this filter. */
    List<Service> apply(List<Service> instances);

    /** This filter, then {@code next} on what passed (skipped when nothing passed). */
    default Filter andThen(Filter next) {
        Objects.requireNonNull(next, "next");
        return instances -> {
            List<Service> passed = apply(instances);
            return passed.isEmpty() ? passed : next.apply(passed);
        };
    }
}
