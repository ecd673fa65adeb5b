package dev.registry.nats;

import dev.registry.Registration;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The micro id and start time of each registration a {@link MicroResponder} has answered for. A
 * {@link Registration} carries no time of its own, so an instance counts as started when the responder first
 * saw it: at {@link NatsMicro#expose} for those registered before, else at the first discovery request after
 * its registration. A registration made again (a new {@link Registration} for the same name and address) starts
 * again; its id stays, since it derives from the name and address. Only the current registrations are kept.
 * Thread-safe.
 */
final class SeenRegistrations {

    /** What is kept of one registration. */
    record Seen(String id, Instant started) {
    }

    private final Clock clock;
    /** By identity: a registration is this process's object, and a new one for the same instance starts anew. */
    private Map<Registration, Seen> seen = new IdentityHashMap<>();

    SeenRegistrations(Clock clock) {
        this.clock = clock;
    }

    /**
     * What is kept of each of {@code current}, the registrations now live: those seen before as they were, the
     * others from now on; registrations no longer in {@code current} are forgotten.
     *
     * @return a read-only map by identity, never changed afterwards
     */
    synchronized Map<Registration, Seen> refresh(List<Registration> current) {
        Instant now = null;
        Map<Registration, Seen> next = new IdentityHashMap<>(current.size() * 2);
        for (Registration registration : current) {
            Seen before = seen.get(registration);
            if (before == null) {
                now = now != null ? now : clock.instant();
                before = new Seen(MicroNames.id(registration.service()), now);
            }
            next.put(registration, before);
        }
        seen = next; // replaced, never changed: the map returned stays as it is
        return Collections.unmodifiableMap(next);
    }
}
