package dev.registry.nats;

import dev.registry.Registry;
import dev.registry.Service;
import io.nats.client.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The registry and NATS's own service framework ({@code micro}, ADR-32: jnats' {@code io.nats.service}, nats.go's
 * {@code micro}, {@code nats micro ls}) seeing each other on one NATS account. NATS-only: the registry's bus
 * has no request/reply, so this works on the {@link NatsPubsub} a registry runs on.
 *
 * <h2>Be seen: {@link #expose}</h2>
 * <pre>{@code
 * NatsPubsub pubsub = NatsPubsub.of(natsConnection);
 * Registry registry = Registry.connect(pubsub);
 * MicroResponder micro = NatsMicro.expose(registry, pubsub);   // nats micro ls now lists its registrations
 * }</pre>
 * The registry then answers {@code $SRV.PING}, {@code $SRV.INFO} and {@code $SRV.STATS}, with and without the
 * name and id tokens, once per own registration, as a micro service instance would:
 * <ul>
 * <li>{@code name}: the service name. NATS micro allows ASCII letters, digits, {@code -} and {@code _} only
 *     ({@code ^[a-zA-Z0-9_-]+$}); a registration whose name is not such a name is left out and counted
 *     ({@link MicroResponder#skippedNames()}).</li>
 * <li>{@code id}: {@link #idOf(Service)}, the same for the same name and address in every process and after a
 *     restart, 22 letters and digits.</li>
 * <li>{@code version}: the instance's version if it is SemVer 2.0, else {@code 0.0.0} (also when it has none).</li>
 * <li>{@code metadata}: {@code address}, {@code network} (when set), {@code url}, {@code host}, {@code status}
 *     ({@code passing}, {@code warning}, {@code critical}, {@code draining}), {@code version} when the registered
 *     one is not the SemVer sent, and each {@code kv} entry as {@code kv.<key>}.</li>
 * <li>INFO: {@code description} {@code registry instance <name>@<address>}, {@code endpoints} empty (an instance
 *     declares no NATS subject). STATS: {@code endpoints} empty, {@code started} in RFC 3339 (see
 *     {@link MicroResponder} for what counts as the start).</li>
 * </ul>
 *
 * <p>It is off unless called, for two reasons. It subscribes to {@code $SRV.*}, {@code $SRV.*.*} and
 * {@code $SRV.*.*.*}, the discovery subjects every micro user on the account shares: every {@code nats micro ls}
 * on the account then lists this registry's instances next to the account's micro services, and reaches this
 * process; an application that did not ask for that should not get it. And micro names are narrower than the
 * registry's ({@code café} and {@code orders:v2} are registry names that micro refuses), so some registrations
 * cannot be shown at all.
 *
 * <h2>See them: {@link #discover}</h2>
 * Lists every micro service instance on the account, this registry's exposed ones included, by asking
 * {@code $SRV.INFO} and collecting the answers for a while, as {@code nats micro ls} does.
 *
 * <p>Stateless and thread-safe.
 */
public final class NatsMicro {

    private NatsMicro() {
    }

    /**
     * Makes {@code registry}'s own registrations visible to NATS micro discovery, until the responder, the pubsub
     * or the registry is closed (see the class documentation for what the answers hold). One responder per
     * registry: three subscriptions on {@code pubsub}'s dispatcher, however many registrations there are; every
     * request reads {@link Registry#registrations()} when it arrives. Returns once the server has the
     * subscriptions (at most the connection timeout while connected; at once during an outage, and they are
     * made when jnats reconnects).
     *
     * @param registry the registry whose registrations to show; it must run on {@code pubsub} (answers go out
     *                 on that connection, and the registry's {@code close()} closes it)
     * @param pubsub the registry's transport
     * @return the responder: {@link MicroResponder#close()} stops answering, the registry stays open
     * @throws dev.registry.TransportException if the pubsub is closed, or the server did not confirm the
     *                                        subscriptions in time
     * @throws IllegalStateException if {@code registry} already has an open responder (each would answer every
     *                               request)
     */
    public static MicroResponder expose(Registry registry, NatsPubsub pubsub) {
        return MicroResponder.start(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(pubsub, "pubsub"),
                Clock.systemUTC());
    }

    /**
     * Every NATS micro service instance that answers {@code $SRV.INFO} on {@code connection}'s account within
     * {@code wait}, sorted by name then id; each instance once, however many times it answered. Answers that
     * are not an {@code io.nats.micro.v1.info_response} with a name and an id are left out. Blocks the calling
     * thread for {@code wait}: micro has no end-of-answers, so all that arrive by then are the answer (locally
     * they come within milliseconds; across a cluster allow a round trip, a second is plenty). If the thread
     * is interrupted, returns what arrived so far, with the interrupt flag set.
     *
     * @param connection any open connection of the account; it is only borrowed (an inbox subscription, ended
     *                   before returning)
     * @param wait how long to collect answers; more than zero
     * @throws dev.registry.TransportException if the connection is closed
     * @throws IllegalArgumentException if {@code wait} is not positive
     */
    public static List<MicroService> discover(Connection connection, Duration wait) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative() || wait.isZero()) {
            throw new IllegalArgumentException("wait must be more than 0, but was " + wait);
        }
        return MicroDiscovery.discover(connection, wait);
    }

    /** {@link #discover(Connection, Duration)} on {@code pubsub}'s connection. */
    public static List<MicroService> discover(NatsPubsub pubsub, Duration wait) {
        return discover(Objects.requireNonNull(pubsub, "pubsub").connection(), wait);
    }

    /**
     * The micro id {@link #expose} gives the instance {@code service}: derived from its {@link Service#id()}
     * ({@code name@address}) alone, so every process computes the same one, for {@code nats micro info NAME ID}
     * or {@code $SRV.PING.NAME.ID}.
     */
    public static String idOf(Service service) {
        return MicroNames.id(Objects.requireNonNull(service, "service"));
    }

    /** Whether {@link #expose} can show a service named {@code name}: {@code ^[a-zA-Z0-9_-]+$}, as ADR-32 has it. */
    public static boolean isMicroName(String name) {
        return MicroNames.isValid(name);
    }
}
