package dev.registry.nats;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.RegistryClosedException;
import dev.registry.Service;
import dev.registry.spi.TopicSubscription;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry's answers to NATS micro discovery ({@code $SRV.PING}, {@code $SRV.INFO}, {@code $SRV.STATS}, each
 * also with {@code .<name>} and {@code .<name>.<id>}): one reply per own registration the request asks for, to
 * the request's reply subject. Made by {@link NatsMicro#expose}; see there for what the replies hold.
 *
 * <p>One responder serves every registration of its registry: three wildcard subscriptions
 * ({@code $SRV.*}, {@code $SRV.*.*}, {@code $SRV.*.*.*}) on the {@link NatsPubsub}'s dispatcher, whatever the
 * number of registrations. Each request reads {@link Registry#registrations()} at that moment, so a registration,
 * a status change or an unregistration shows in the next answer, with no event to wait for.
 *
 * <p>Threading: requests are answered on the pubsub's dispatcher thread, the one the registry's own messages
 * arrive on. Nothing there waits: the registrations are a copy taken under a lock that is never held for I/O, each
 * reply is encoded in a few microseconds and handed to jnats' writer queue as the registry's own messages are.
 * The other methods may be called from any thread.
 */
public final class MicroResponder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MicroResponder.class);

    /**
     * The registries with a responder now, so that none gets two (each would answer every request). Weak: a
     * registry closed and dropped without closing its responder does not stay here.
     */
    private static final Set<Registry> EXPOSED = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private final Registry registry;
    private final NatsPubsub pubsub;
    private final Connection connection;
    private final SeenRegistrations seen;
    private final Set<String> skipped = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile List<TopicSubscription> subscriptions = List.of();

    private MicroResponder(Registry registry, NatsPubsub pubsub, Clock clock) {
        this.registry = registry;
        this.pubsub = pubsub;
        this.connection = pubsub.connection();
        this.seen = new SeenRegistrations(clock);
    }

    /** Starts answering for {@code registry}'s registrations on {@code pubsub}; see {@link NatsMicro#expose}. */
    static MicroResponder start(Registry registry, NatsPubsub pubsub, Clock clock) {
        if (!EXPOSED.add(registry)) {
            throw new IllegalStateException("this registry is already exposed to NATS micro; close that responder first");
        }
        try {
            MicroResponder responder = new MicroResponder(registry, pubsub, clock);
            responder.seen.refresh(registry.registrations()); // those registered before count as started now
            responder.subscriptions = pubsub.subscribeRequests(MicroRequest.SUBJECTS, responder::onRequest);
            return responder;
        } catch (RuntimeException failed) {
            EXPOSED.remove(registry);
            throw failed;
        }
    }

    /**
     * The names of the registrations left out of the answers so far because NATS micro does not allow them (it
     * allows ASCII letters, digits, {@code -} and {@code _}; a registry name such as {@code café} or
     * {@code orders:v2} is valid on the registry's bus but not as a micro name), sorted. Each is logged once, as a
     * warning, when it is first left out.
     */
    public SortedSet<String> skippedNames() {
        return new TreeSet<>(skipped);
    }

    /** How many names were left out so far: the size of {@link #skippedNames()}. */
    public int skippedCount() {
        return skipped.size();
    }

    /**
     * Stops answering: ends the subscriptions, so that micro discovery no longer finds this registry's
     * registrations. The registry and the pubsub stay open. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            subscriptions.forEach(TopicSubscription::unsubscribe);
            EXPOSED.remove(registry);
        }
    }

    @Override
    public String toString() {
        return "MicroResponder{" + pubsub + (closed.get() ? ", closed" : "") + "}";
    }

    /** One request, on the dispatcher thread: never throws, never waits. */
    private void onRequest(Message message) {
        String reply = message.getReplyTo();
        if (closed.get() || reply == null || reply.isEmpty()) {
            return;
        }
        Optional<MicroRequest> request = MicroRequest.parse(message.getSubject());
        if (request.isEmpty()) {
            return;
        }
        try {
            answer(request.get(), reply);
        } catch (RegistryClosedException closedRegistry) {
            close(); // nothing to show any more
        } catch (RuntimeException e) {
            LOG.warn("cannot answer {} on {}: {}", message.getSubject(), this, e.toString());
        }
    }

    private void answer(MicroRequest request, String reply) {
        List<Registration> current = registry.registrations();
        Map<Registration, SeenRegistrations.Seen> known = seen.refresh(current);
        for (Registration registration : current) {
            Service service = registration.service();
            if (!MicroNames.isValid(service.name())) {
                skip(service.name());
                continue;
            }
            SeenRegistrations.Seen instance = known.get(registration);
            if (request.matches(service.name(), instance.id())) {
                publish(reply, MicroResponses.encode(request.verb(), service, instance.id(), instance.started()));
            }
        }
    }

    private void skip(String name) {
        if (skipped.add(name)) {
            LOG.warn("service '{}' is not answered on {}: NATS micro allows only the names {} (the registry's bus "
                    + "still has it)", name, MicroRequest.PREFIX, MicroNames.NAME.pattern());
        }
    }

    private void publish(String reply, byte[] response) {
        try {
            connection.publish(reply, response);
        } catch (IllegalStateException closing) {
            // the connection is closing, or its buffer for an outage is full: the asker times out, as with any service
            LOG.debug("{}: reply to {} not sent: {}", this, reply, closing.getMessage());
        }
    }
}
