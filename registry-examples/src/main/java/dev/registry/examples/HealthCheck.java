package dev.registry.examples;

import dev.registry.Status;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.function.Supplier;

/**
 * The greeter's health, as its owner reports it to the registry: {@link Status#CRITICAL} while an operator
 * has put it in maintenance (clients filtering on {@code passing} then leave it alone), {@link Status#WARNING}
 * when the heap is nearly full, otherwise {@link Status#PASSING}. Thread-safe.
 */
final class HealthCheck implements Supplier<Status> {

    /** Heap use above this share of the maximum reports a warning. */
    private static final double HEAP_WARNING = 0.9;

    private volatile boolean maintenance;

    void maintenance(boolean on) {
        maintenance = on;
    }

    @Override
    public Status get() {
        if (maintenance) {
            return Status.CRITICAL;
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getMax() > 0 && heap.getUsed() > HEAP_WARNING * heap.getMax() ? Status.WARNING : Status.PASSING;
    }
}
