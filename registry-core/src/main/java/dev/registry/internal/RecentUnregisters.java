package dev.registry.internal;

import dev.registry.Service;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unregisters this registry published lately, to publish again when the bus comes back from an outage. A
 * message handed to the transport just before it noticed the outage (written into a socket the broker's death
 * already closed, or refused by the transport) is lost, and unlike a register message nothing repairs a lost
 * unregister but the instance's expiry. Ages are measured on the clock of expiry, which stands still while the
 * bus is unusable, so an unregister sent just before an outage is still recent when the outage ends, however
 * long it lasted. They are sent again when this registry's bus comes back, and when a peer pings their name (a
 * peer pings the names it uses when its own bus comes back, later than this one's perhaps). An instance
 * registered again is forgotten here. At most {@value #LIMIT} are kept (the newest): memory stays bounded however
 * fast names churn, and beyond that the instances' expiry still removes what an outage swallowed. Thread-safe.
 */
final class RecentUnregisters {

    static final int LIMIT = 4_096;

    private final BusClock clock;
    private final long keepNanos;
    private final Map<String, Sent> byInstance = new LinkedHashMap<>();

    /** @param keepNanos how long, on the clock of expiry, an unregister counts as recent */
    RecentUnregisters(BusClock clock, long keepNanos) {
        this.clock = clock;
        this.keepNanos = keepNanos;
    }

    /** {@code service} was unregistered now. */
    synchronized void add(Service service) {
        byInstance.remove(service.id());
        byInstance.put(service.id(), new Sent(service, clock.read()));
        if (byInstance.size() > LIMIT) {
            Iterator<Sent> oldest = byInstance.values().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** The instance {@code id} is registered again: its unregister must not be repeated. */
    synchronized void forget(String id) {
        byInstance.remove(id);
    }

    /** The unregisters still recent, to publish again; older ones are dropped. */
    synchronized List<Service> recent() {
        prune();
        List<Service> recent = new ArrayList<>(byInstance.size());
        byInstance.values().forEach(sent -> recent.add(sent.service()));
        return recent;
    }

    /** The recent unregisters of {@code name}: a peer that pings it may have missed them while it was away. */
    synchronized List<Service> recentOf(String name) {
        if (byInstance.isEmpty()) {
            return List.of();
        }
        prune();
        List<Service> recent = new ArrayList<>();
        byInstance.values().forEach(sent -> {
            if (sent.service().name().equals(name)) {
                recent.add(sent.service());
            }
        });
        return recent;
    }

    /** Drops the unregisters that are no longer recent (called by the due-check sweep). */
    synchronized void prune() {
        long now = clock.read();
        Iterator<Sent> oldestFirst = byInstance.values().iterator();
        while (oldestFirst.hasNext() && now - oldestFirst.next().at() > keepNanos) {
            oldestFirst.remove();
        }
    }

    private record Sent(Service service, long at) {
    }
}
