package dev.registry.micrometer;

import dev.registry.DropReason;
import dev.registry.Registry;
import dev.registry.RegistryStats;
import dev.registry.Subscription;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds a {@link Registry}'s counters ({@link Registry#stats()}) and the service events it sees to a Micrometer
 * {@link MeterRegistry}, named in Micrometer's conventions (dots and lower case; each backend renders them its
 * own way, {@code registry_lookups_total{outcome="hit"}} in Prometheus):
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>meter</th><th>type</th><th>tags</th><th>value</th></tr>
 *   <tr><td>{@code registry.messages}</td><td>counter</td><td>{@code direction=in|out}</td><td>messages received from the bus (valid or not) and published</td></tr>
 *   <tr><td>{@code registry.messages.dropped}</td><td>counter</td><td>{@code reason=too_large|malformed|invalid_service|name_mismatch|missing_timestamps|bad_duration|observe_filter|unsigned|bad_signature|replayed}</td><td>incoming messages dropped, by {@link DropReason}</td></tr>
 *   <tr><td>{@code registry.lookups}</td><td>counter</td><td>{@code outcome=hit|miss}</td><td>lookups answered from the cache, and lookups that had to ping the bus</td></tr>
 *   <tr><td>{@code registry.lookup.timeouts}</td><td>counter</td><td></td><td>of the misses, those that found nothing within the lookup timeout</td></tr>
 *   <tr><td>{@code registry.lookup.cold}</td><td>function timer</td><td></td><td>lookups that waited for the bus: how many finished and how long they waited (count, total, mean)</td></tr>
 *   <tr><td>{@code registry.pings}</td><td>counter</td><td></td><td>pings published (concurrent misses of one name share one)</td></tr>
 *   <tr><td>{@code registry.cache.instances}</td><td>gauge</td><td></td><td>instances in the cache now</td></tr>
 *   <tr><td>{@code registry.names}</td><td>gauge</td><td></td><td>service names the registry holds state for now</td></tr>
 *   <tr><td>{@code registry.registrations}</td><td>gauge</td><td></td><td>this process's live registrations</td></tr>
 *   <tr><td>{@code registry.listener.backlog}</td><td>gauge</td><td></td><td>events handed to listeners and watchers, not yet delivered</td></tr>
 *   <tr><td>{@code registry.expiry.brake.engagements}</td><td>counter</td><td></td><td>times the expiry brake held a mass expiry</td></tr>
 *   <tr><td>{@code registry.expiry.brake.held}</td><td>gauge</td><td></td><td>instances due but held by the expiry brake now</td></tr>
 *   <tr><td>{@code registry.events}</td><td>counter</td><td>{@code type=registered|updated|unregistered|expired}</td><td>changes of cached instances seen (only when events are counted)</td></tr>
 * </table>
 *
 * Every meter also carries the tags given to the constructor. Lookups split in two disjoint outcomes, so
 * {@code hit + miss} is every lookup; a timeout is a miss that found nothing, counted in both
 * {@code outcome=miss} and {@code registry.lookup.timeouts} (the registry counts a miss when it starts to wait
 * and a timeout when the wait ends empty, so a third {@code outcome} computed from the two could go down
 * between scrapes, which a counter must never do). The latency of cold lookups is a function timer over the
 * registry's count and total wait of finished cold lookups: count, total time and mean per scrape interval, not
 * percentiles (the registry keeps no histogram on its lookup path).
 *
 * <p><b>Event counting</b> observes every service of the registry's main topic ({@link Registry#observeAll}):
 * the registry then receives every instance's heartbeats and caches every instance on the bus. That is free when
 * something observes everything already (the Spring Boot starter's discovery client does), and otherwise a
 * choice: pass {@code countEvents = false} to bind the counters and gauges only.
 *
 * <p>Thread-safe. Meters read the registry's counters when they are read, on the reading thread, without lock
 * or I/O; after the registry closes they report its last counters. Bind to as many meter registries as needed;
 * {@link #close()} stops counting events (it does not close the registry).
 */
public final class RegistryMetrics implements MeterBinder, AutoCloseable {

    private static final String MESSAGES = "Messages received from the bus (in) and published (out)";
    private static final String LOOKUPS = "Lookups answered from the cache (hit) or after a ping (miss)";

    private final Registry registry;
    private final Tags tags;
    private final boolean countEvents;
    private final EventCounters events = new EventCounters();
    private Subscription eventSubscription;
    private boolean closed;

    /** Meters for {@code registry}, counting its events, without extra tags. */
    public RegistryMetrics(Registry registry) {
        this(registry, Tags.empty(), true);
    }

    /** Meters for {@code registry}, counting its events, each meter with {@code tags}. */
    public RegistryMetrics(Registry registry, Iterable<Tag> tags) {
        this(registry, tags, true);
    }

    /**
     * Meters for {@code registry}, each with {@code tags}.
     *
     * @param countEvents whether to count events ({@code registry.events}), which observes every service of the
     *                    main topic (see the class documentation)
     */
    public RegistryMetrics(Registry registry, Iterable<Tag> tags, boolean countEvents) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
        this.countEvents = countEvents;
    }

    /**
     * Registers the meters in {@code meters}; the first call also starts counting events, if they are counted.
     *
     * @throws dev.registry.RegistryClosedException if the registry is closed
     */
    @Override
    public void bindTo(MeterRegistry meters) {
        StatsReader reader = new StatsReader(registry);
        counter(meters, reader, "registry.messages", MESSAGES, "messages",
                RegistryStats::messagesIn, Tags.of("direction", "in"));
        counter(meters, reader, "registry.messages", MESSAGES, "messages",
                RegistryStats::messagesOut, Tags.of("direction", "out"));
        for (DropReason reason : DropReason.values()) {
            counter(meters, reader, "registry.messages.dropped", "Incoming messages dropped, by reason", "messages",
                    stats -> stats.dropped().getOrDefault(reason, 0L), Tags.of("reason", reason.name().toLowerCase(Locale.ROOT)));
        }
        counter(meters, reader, "registry.lookups", LOOKUPS, "lookups", RegistryStats::lookupHits, Tags.of("outcome", "hit"));
        counter(meters, reader, "registry.lookups", LOOKUPS, "lookups", RegistryStats::lookupMisses, Tags.of("outcome", "miss"));
        counter(meters, reader, "registry.lookup.timeouts", "Missed lookups that found nothing within the lookup timeout",
                "lookups", RegistryStats::lookupTimeouts, Tags.empty());
        counter(meters, reader, "registry.pings", "Pings published", "messages", RegistryStats::pingsSent, Tags.empty());
        FunctionTimer.builder("registry.lookup.cold", registry, held -> reader.stats().coldLookups(),
                        held -> reader.stats().coldLookupNanos(), TimeUnit.NANOSECONDS)
                .description("Lookups that waited for the bus, and how long they waited").tags(tags)
                .register(meters);
        counter(meters, reader, "registry.expiry.brake.engagements", "Times the expiry brake held a mass expiry", null,
                RegistryStats::expiryBrakeEngagements, Tags.empty());
        gauge(meters, "registry.cache.instances", "Instances in the cache", "instances",
                held -> reader.stats().cacheSize());
        gauge(meters, "registry.names", "Service names the registry holds state for", "names",
                held -> reader.stats().namesTracked());
        gauge(meters, "registry.registrations", "This process's live registrations", "instances",
                held -> reader.registrations());
        gauge(meters, "registry.listener.backlog", "Events not yet delivered to listeners and watchers", "events",
                held -> reader.stats().listenerBacklog());
        gauge(meters, "registry.expiry.brake.held", "Instances due but held by the expiry brake", "instances",
                held -> reader.stats().expiriesHeld());
        if (countEvents) {
            events.bindTo(meters, tags);
            startCountingEvents();
        }
    }

    /** Stops counting events. Idempotent; the meters stay registered and keep reading the registry's counters. */
    @Override
    public synchronized void close() {
        closed = true;
        if (eventSubscription != null) {
            eventSubscription.close();
            eventSubscription = null;
        }
    }

    private synchronized void startCountingEvents() {
        if (eventSubscription == null && !closed) {
            eventSubscription = registry.observeAll(events);
        }
    }

    private void counter(MeterRegistry meters, StatsReader reader, String name, String description, String unit,
                         ToDoubleFunction<RegistryStats> value, Tags extra) {
        // the meter holds the registry weakly (Micrometer's rule: it lives as long as the caller keeps it) and the
        // reader through this function
        FunctionCounter.builder(name, registry, held -> value.applyAsDouble(reader.stats()))
                .description(description).baseUnit(unit).tags(tags).tags(extra)
                .register(meters);
    }

    private void gauge(MeterRegistry meters, String name, String description, String unit, ToDoubleFunction<Registry> value) {
        Gauge.builder(name, registry, value).description(description).baseUnit(unit).tags(tags).register(meters);
    }
}
