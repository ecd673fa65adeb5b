package dev.registry.benchmarks.harness;

import dev.registry.Registration;
import dev.registry.Registry;
import dev.registry.ServiceEvent.Type;
import dev.registry.Status;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.benchmarks.results.Results.Propagation;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast a change on registry A reaches registry B (each on its own connection to one broker), next to the
 * broker's raw one-way latency measured in the same rounds. Each round takes one raw sample, then times on
 * A's thread from the call to B's listener receiving the event:
 * <ol>
 *   <li>{@code register} of a new instance of a name A already has an instance of -> {@code REGISTERED},</li>
 *   <li>{@code setStatus(WARNING)} -> {@code UPDATED},</li>
 *   <li>{@code unregister} -> {@code UNREGISTERED},</li>
 *   <li>{@code register} of the first instance of a name in A -> {@code REGISTERED} (A subscribes to the
 *       name's ping topic first, inside {@code register}).</li>
 * </ol>
 * One change is in flight at a time, each sample starting 1 ms after the previous one ended (a change reaches
 * a quiet system, as registry changes do), after unrecorded warm-up rounds long enough for the JIT compiler to
 * finish with both paths.
 */
final class PropagationRun {

    private static final Logger LOG = LoggerFactory.getLogger(PropagationRun.class);
    private static final String NAME = "prop";
    private static final String FIRST = "first";

    private final String broker;
    private final String url;
    private final Supplier<OneWayProbe> probes;

    PropagationRun(String broker, String url, Supplier<OneWayProbe> probes) {
        this.broker = broker;
        this.url = url;
        this.probes = probes;
    }

    Propagation run(int warmup, int samples) {
        LOG.info("propagation over {}: {} warm-up rounds, {} measured", broker, warmup, samples);
        String mainTopic = HarnessRegistries.newMainTopic();
        LatencyRecorder raw = new LatencyRecorder();
        LatencyRecorder registered = new LatencyRecorder();
        LatencyRecorder updated = new LatencyRecorder();
        LatencyRecorder unregistered = new LatencyRecorder();
        LatencyRecorder first = new LatencyRecorder();
        byte[] rawPayload = GoMessages.register(NAME, "10.0.0.1:8080");
        try (OneWayProbe probe = probes.get();
             Registry a = Registry.connect(url, HarnessRegistries.options(mainTopic).build());
             Registry b = Registry.connect(url, HarnessRegistries.options(mainTopic).build())) {
            EventClock clock = new EventClock();
            b.observe(NAME, clock);
            b.observe(FIRST, clock);
            // keeps NAME's ping subscription in A, so rounds 1-3 measure the message and nothing else
            a.register(HarnessRegistries.service(NAME, "anchor:1"));
            clock.await(Type.REGISTERED, NAME, "anchor:1");
            for (int round = -warmup; round < samples; round++) {
                String address = "10.1." + ((round + warmup) >>> 8 & 0xff) + "." + ((round + warmup) & 0xff) + ":8080";
                Pause.settle();
                long rawNanos = probe.sample(rawPayload);

                Pause.settle();
                long start = System.nanoTime();
                Registration registration = a.register(HarnessRegistries.service(NAME, address));
                long registeredNanos = clock.await(Type.REGISTERED, NAME, address) - start;

                Pause.settle();
                start = System.nanoTime();
                registration.setStatus(Status.WARNING);
                long updatedNanos = clock.await(Type.UPDATED, NAME, address) - start;

                Pause.settle();
                start = System.nanoTime();
                registration.unregister();
                long unregisteredNanos = clock.await(Type.UNREGISTERED, NAME, address) - start;

                Pause.settle();
                start = System.nanoTime();
                Registration firstOfName = a.register(HarnessRegistries.service(FIRST, address));
                long firstNanos = clock.await(Type.REGISTERED, FIRST, address) - start;
                firstOfName.unregister();
                clock.await(Type.UNREGISTERED, FIRST, address);

                if (round >= 0) {
                    raw.add(rawNanos);
                    registered.add(registeredNanos);
                    updated.add(updatedNanos);
                    unregistered.add(unregisteredNanos);
                    first.add(firstNanos);
                }
            }
        }
        return new Propagation(broker, raw.latency(), registered.latency(), updated.latency(), unregistered.latency(),
                first.latency());
    }
}
