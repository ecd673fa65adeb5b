package dev.registry.benchmarks.harness;

import dev.registry.Filters;
import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.ServiceEvent.Type;
import dev.registry.Status;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Latency;
import dev.registry.benchmarks.results.Results.ColdLookup;
import dev.registry.benchmarks.results.Results.Propagation;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast a change on registry A reaches registry B (each on its own connection to one broker), next to the
 * broker's raw one-way latency measured in the same rounds. Each round takes one raw sample, and one more stamped
 * after a hand-off to a waiting thread ({@link RawClient#subscribeHandedOff}), then times on A's thread from the call
 * to B's listener receiving the event:
 * <ol>
 *   <li>{@code register} of a new instance of a name A already has an instance of -> {@code REGISTERED},</li>
 *   <li>{@code setStatus(WARNING)} -> {@code UPDATED},</li>
 *   <li>{@code unregister} -> {@code UNREGISTERED},</li>
 *   <li>{@code register} of the first instance of a name in A -> {@code REGISTERED} (A subscribes to the
 *       name's ping topic first, inside {@code register});</li>
 * </ol>
 * and then the same path split at the broker, each side timed with a raw client on the other:
 * <ol>
 *   <li>a pre-encoded register message of a new instance of the first name, published by the raw client on the topic
 *       A would publish it to -> B's {@code REGISTERED} (B's side; a raw unregister message, awaited and not timed,
 *       removes the instance again, so B's cache keeps its size);</li>
 *   <li>{@code register} on A of a new instance of a name A has -> the raw subscriber's callback (A's side), then
 *       {@code unregister}, not timed;</li>
 *   <li>the same for the first instance of a name new to A.</li>
 * </ol>
 * A's side uses names of its own that B does not observe, so the raw subscriber never receives a message of the
 * other figures: no extra fan-out at the broker, no extra thread waking beside B's on a shared core.
 * One change is in flight at a time, each sample starting 1 ms after the previous one ended (a change reaches
 * a quiet system, as registry changes do), after unrecorded warm-up rounds long enough for the JIT compiler to
 * finish with both paths. And cold lookups ({@link #cold}). Not thread-safe.
 */
final class PropagationRun {

    private static final Logger LOG = LoggerFactory.getLogger(PropagationRun.class);
    private static final String NAME = "prop";
    private static final String FIRST = "first";
    /** Names only A and the raw subscriber know: A's side of {@link #NAME} and of {@link #FIRST}. */
    private static final String NAME_ON_A = "prop-a";
    private static final String FIRST_ON_A = "first-a";
    private static final String RAW = "raw.oneway";
    private static final String RAW_HANDED_OFF = "raw.handoff";
    private static final String RAW_REQUEST = "raw.request";

    private PropagationRun() {
    }

    /** Over {@code broker} ("NATS" or "Redis") at {@code url}. */
    static Propagation run(String broker, String url, int warmup, int samples) {
        LOG.info("propagation over {}: {} warm-up rounds, {} measured", broker, warmup, samples);
        String mainTopic = Bench.newMainTopic();
        Histogram raw = Bench.histogram();
        Histogram rawHandedOff = Bench.histogram();
        Histogram registered = Bench.histogram();
        Histogram updated = Bench.histogram();
        Histogram unregistered = Bench.histogram();
        Histogram first = Bench.histogram();
        Histogram rawToB = Bench.histogram();
        Histogram aToRaw = Bench.histogram();
        Histogram firstOnAToRaw = Bench.histogram();
        String nameOnA = mainTopic + ".register." + NAME_ON_A;
        String firstOnA = mainTopic + ".register." + FIRST_ON_A;
        byte[] rawPayload = GoMessages.register(NAME, "10.0.0.1:8080");
        try (RawClient probe = broker.equals("Redis") ? RawClient.redis(url, true, RAW, nameOnA, firstOnA)
                : RawClient.nats(url, true, RAW, nameOnA, firstOnA);
             Registry a = Registry.connect(url, Bench.options(mainTopic));
             Registry b = Registry.connect(url, Bench.options(mainTopic))) {
            EventClock clock = new EventClock();
            b.observe(NAME, clock);
            b.observe(FIRST, clock);
            // keeps NAME's ping subscription in A, so rounds 1-3 measure the message and nothing else
            a.register(Bench.service(NAME, "anchor:1"));
            clock.await(Type.REGISTERED, NAME, "anchor:1");
            a.register(Bench.service(NAME_ON_A, "anchor:1"));
            probe.arrival(nameOnA);
            probe.subscribeHandedOff(RAW_HANDED_OFF);
            for (int round = -warmup; round < samples; round++) {
                // 10.1.x.y for the instances A registers, 10.3.x.y for those published raw
                String address = GoMessages.address(0x1_0000 + round + warmup);
                Bench.settle();
                long rawNanos = probe.oneWay(RAW, rawPayload);
                Bench.settle();
                long rawHandedOffNanos = probe.oneWay(RAW_HANDED_OFF, rawPayload);

                Bench.settle();
                long start = System.nanoTime();
                Registration registration = a.register(Bench.service(NAME, address));
                long registeredNanos = clock.await(Type.REGISTERED, NAME, address) - start;

                Bench.settle();
                start = System.nanoTime();
                registration.setStatus(Status.WARNING);
                long updatedNanos = clock.await(Type.UPDATED, NAME, address) - start;

                Bench.settle();
                start = System.nanoTime();
                registration.unregister();
                long unregisteredNanos = clock.await(Type.UNREGISTERED, NAME, address) - start;

                Bench.settle();
                start = System.nanoTime();
                Registration firstOfName = a.register(Bench.service(FIRST, address));
                long firstNanos = clock.await(Type.REGISTERED, FIRST, address) - start;
                firstOfName.unregister();
                clock.await(Type.UNREGISTERED, FIRST, address);

                String rawAddress = GoMessages.address(0x3_0000 + round + warmup);
                byte[] registerMessage = GoMessages.register(NAME, rawAddress);
                Bench.settle();
                start = System.nanoTime();
                probe.publish(mainTopic + ".register." + NAME, registerMessage);
                long rawToBNanos = clock.await(Type.REGISTERED, NAME, rawAddress) - start;
                probe.publish(mainTopic + ".unregister." + NAME, GoMessages.unregister(NAME, rawAddress));
                clock.await(Type.UNREGISTERED, NAME, rawAddress);

                Bench.settle();
                start = System.nanoTime();
                Registration onA = a.register(Bench.service(NAME_ON_A, address));
                long aToRawNanos = probe.arrival(nameOnA) - start;
                onA.unregister();

                Bench.settle();
                start = System.nanoTime();
                Registration firstOnAOfName = a.register(Bench.service(FIRST_ON_A, address));
                long firstOnAToRawNanos = probe.arrival(firstOnA) - start;
                firstOnAOfName.unregister();

                if (round >= 0) {
                    raw.recordValue(rawNanos);
                    rawHandedOff.recordValue(rawHandedOffNanos);
                    registered.recordValue(registeredNanos);
                    updated.recordValue(updatedNanos);
                    unregistered.recordValue(unregisteredNanos);
                    first.recordValue(firstNanos);
                    rawToB.recordValue(rawToBNanos);
                    aToRaw.recordValue(aToRawNanos);
                    firstOnAToRaw.recordValue(firstOnAToRawNanos);
                }
            }
        }
        return new Propagation(broker, Latency.of(raw), Latency.of(registered), Latency.of(updated), Latency.of(unregistered),
                Latency.of(first), Latency.of(rawToB), Latency.of(aToRaw), Latency.of(firstOnAToRaw), Latency.of(rawHandedOff));
    }

    /**
     * {@code getService} on registry B of a name registered on registry A but never seen by B (B subscribes, pings,
     * A answers), over NATS, next to the raw jnats request/reply round trip measured in the same rounds: an empty
     * request (as a ping is) answered by a dispatcher on another connection with a register-sized reply, timed on the
     * requesting thread as a cold {@code getService} is. In the same rounds, A's side of a cold lookup: a raw jnats client
     * subscribes to the register topic of another name B never looks up, A registers it (a new one each round, so no
     * earlier ping or answer of it is around), then the raw client publishes an empty ping on its ping topic, timed
     * until A's answer reaches the raw subscriber's callback, and A unregisters it: A owns as many registrations as
     * without this figure. And the cold lookup's own exchange done raw ({@link #rawExchange}): on one jnats connection,
     * subscribing a name's register and unregister topics and pinging it, without waiting for the server to confirm,
     * as a registry does over NATS, timed until A's answer reaches the callback.
     */
    static ColdLookup cold(String url, int warmup, int samples) {
        LOG.info("cold lookups over NATS: {} warm-up rounds, {} measured", warmup, samples);
        String mainTopic = Bench.newMainTopic();
        Histogram raw = Bench.histogram();
        Histogram cold = Bench.histogram();
        Histogram rawPing = Bench.histogram();
        Histogram exchange = Bench.histogram();
        Connection requester = Bench.connect(url);
        Connection exchanger = Bench.connect(url);
        BlockingQueue<RawClient.Arrival> exchanged = new LinkedBlockingQueue<>();
        Dispatcher exchangeDispatcher = exchanger.createDispatcher(
                message -> exchanged.add(new RawClient.Arrival(message.getSubject(), System.nanoTime())));
        Connection responder = Bench.connect(url);
        byte[] reply = GoMessages.register("cold", "10.0.0.1:8080");
        try (RawClient pinger = RawClient.nats(url, true);
             Registry a = Registry.connect(url, Bench.options(mainTopic));
             Registry b = Registry.connect(url, Bench.options(mainTopic))) {
            responder.createDispatcher(request -> responder.publish(request.getReplyTo(), reply)).subscribe(RAW_REQUEST);
            responder.flush(Bench.TIMEOUT);
            for (int i = 0; i < warmup + samples; i++) {
                a.register(Bench.service("cold-" + i, "10.2.0.1:8080"));
                a.register(Bench.service("exchange-" + i, "10.2.0.1:8080"));
            }
            for (int i = 0; i < warmup + samples; i++) {
                // subscribed first, so A's announcement of the name is taken here and its answer to the ping is the next
                String answers = mainTopic + ".register.ping-" + i;
                pinger.subscribe(answers);
                Registration pinged = a.register(Bench.service("ping-" + i, "10.2.0.1:8080"));
                pinger.arrival(answers);
                Bench.settle();
                long start = System.nanoTime();
                if (requester.request(RAW_REQUEST, new byte[0], Bench.TIMEOUT) == null) {
                    throw new IllegalStateException("no raw reply within " + Bench.TIMEOUT);
                }
                long rawNanos = System.nanoTime() - start;
                Bench.settle();
                start = System.nanoTime();
                b.getService("cold-" + i, Filters.loadBalance());
                long coldNanos = System.nanoTime() - start;
                Bench.settle();
                start = System.nanoTime();
                pinger.publish(mainTopic + ".ping.ping-" + i, new byte[0]);
                long rawPingNanos = pinger.arrival(answers) - start;
                pinged.unregister();
                Bench.settle();
                long exchangeNanos = rawExchange(exchanger, exchangeDispatcher, exchanged, mainTopic, "exchange-" + i);
                if (i >= warmup) {
                    raw.recordValue(rawNanos);
                    cold.recordValue(coldNanos);
                    rawPing.recordValue(rawPingNanos);
                    exchange.recordValue(exchangeNanos);
                }
            }
        } catch (TimeoutException | InterruptedException e) {
            throw new IllegalStateException("no raw round trip over NATS", e);
        } finally {
            Bench.close(requester, responder, exchanger);
        }
        return new ColdLookup(Latency.of(raw), Latency.of(cold), Latency.of(rawPing), Latency.of(exchange));
    }

    /**
     * A cold lookup's exchange without a registry: subscribes {@code name}'s register and unregister topics on
     * {@code connection} and publishes an empty ping, all handed to jnats at once (it sends them in that order), and
     * returns the nanoseconds until the first message on the register topic reached {@code dispatcher}'s callback;
     * then unsubscribes. Arrivals of earlier rounds' names (a late unregister) are skipped.
     */
    private static long rawExchange(Connection connection, Dispatcher dispatcher, BlockingQueue<RawClient.Arrival> arrivals,
            String mainTopic, String name) throws InterruptedException {
        String register = mainTopic + ".register." + name;
        String unregister = mainTopic + ".unregister." + name;
        long start = System.nanoTime();
        dispatcher.subscribe(register);
        dispatcher.subscribe(unregister);
        connection.publish(mainTopic + ".ping." + name, new byte[0]);
        long deadline = start + Bench.TIMEOUT.toNanos();
        try {
            while (true) {
                RawClient.Arrival arrival = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (arrival == null) {
                    throw new IllegalStateException("no answer on " + register + " within " + Bench.TIMEOUT);
                }
                if (arrival.topic().equals(register)) {
                    return arrival.nanos() - start;
                }
            }
        } finally {
            dispatcher.unsubscribe(register);
            dispatcher.unsubscribe(unregister);
        }
    }
}
