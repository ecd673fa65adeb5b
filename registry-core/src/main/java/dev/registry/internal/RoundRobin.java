package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.Service;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Round-robin filter with one counter per service name, so interleaved lookups of different names do not
 * skew each other. Lock-free: a counter is found by name (no allocation once it exists) and advanced
 * atomically.
 */
public final class RoundRobin implements Filter {

    private final ConcurrentMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    @Override
    public List<Service> apply(List<Service> instances) {
        int size = instances.size();
        if (size <= 1) {
            return instances;
        }
        String name = instances.get(0).name();
        AtomicInteger counter = counters.get(name);
        if (counter == null) {
            counter = counters.computeIfAbsent(name, n -> new AtomicInteger());
        }
        int next = counter.getAndIncrement() & Integer.MAX_VALUE;
        return List.of(instances.get(next % size));
    }
}
