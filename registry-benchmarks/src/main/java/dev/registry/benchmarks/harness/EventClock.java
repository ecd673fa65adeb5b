package dev.registry.benchmarks.harness;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A listener that stamps each event with {@link System#nanoTime()} as the registry delivers it (on the
 * registry's listener thread, where an application's listener runs), and lets the measuring thread wait for
 * a particular one: the first not yet taken event of a type for one instance. Events nobody waits for stay
 * until the clock is dropped. Thread-safe.
 */
final class EventClock implements ServiceListener {

    private final List<Stamped> pending = new ArrayList<>();

    @Override
    public void onEvent(ServiceEvent event) {
        long now = System.nanoTime();
        synchronized (pending) {
            pending.add(new Stamped(event, now));
            pending.notifyAll();
        }
    }

    /** The delivery time of the first untaken {@code type} event of instance {@code address} of {@code name}. */
    long await(ServiceEvent.Type type, String name, String address, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pending) {
            while (true) {
                for (Iterator<Stamped> events = pending.iterator(); events.hasNext(); ) {
                    Stamped next = events.next();
                    ServiceEvent event = next.event();
                    if (event.type() == type && event.name().equals(name) && event.service().address().equals(address)) {
                        events.remove();
                        return next.nanos();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + type + " of " + name + " " + address + " within " + timeout);
                }
                try {
                    pending.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + type, e);
                }
            }
        }
    }

    /** As {@link #await(ServiceEvent.Type, String, String, Duration)} with {@link OneWayProbe#TIMEOUT}. */
    long await(ServiceEvent.Type type, String name, String address) {
        return await(type, name, address, OneWayProbe.TIMEOUT);
    }

    /** An event and when it was delivered. */
    private record Stamped(ServiceEvent event, long nanos) {
    }
}
