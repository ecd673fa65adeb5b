package dev.registry.cli;

import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.ServiceEvent;
import dev.registry.catalog.Discovery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Parameters;

/**
 * {@code registry ping NAME}: asks every instance of a service to announce itself, as a lookup does, and
 * prints each one that answered within the lookup timeout with its round-trip time. Exits with 1 when none
 * answered: the service is down, or on another bus or main topic.
 *
 * <p>Two rounds: the first finds who answers (waiting the whole lookup timeout, since nobody knows how many
 * will), the second times them. The first answers a fresh JVM decodes take a hundred milliseconds of class
 * loading; the second round, on a registry of its own where the name is cold again, shows the bus's own
 * latency, and ends as soon as every instance of the first round answered.
 */
@Command(name = "ping", description = "Asks every instance of NAME to answer; prints who answered and how fast.")
final class PingCommand extends BusCommand {

    @Parameters(paramLabel = "NAME", description = "the service")
    private String name;

    @Override
    int run(Invocation invocation) {
        Duration timeout = invocation.bus().options().lookupTimeout();
        List<Service> answered = invocation.registry().getServices(name);
        if (answered.isEmpty()) {
            invocation.err().println("registry: no instance of '" + name + "' answered within " + Durations.text(timeout)
                    + " on " + invocation.bus());
            return FAILED;
        }
        Map<String, Duration> roundTrips = time(invocation.bus(), name, answered.size(), timeout);
        answered.stream().sorted(ServiceTable.ORDER).forEach(instance -> invocation.out().printf(
                "%s %s (host %s, %s): %s%n", name, instance.address(), ServiceTable.orDash(instance.host()),
                instance.status().wireName(), text(roundTrips.get(instance.address()))));
        invocation.out().println(answered.size() + " instance" + (answered.size() == 1 ? "" : "s") + " of '" + name
                + "' answered within " + Durations.text(timeout));
        return ExitCode.OK;
    }

    /** Pings {@code name} again on a registry of its own; the round trip of each answer, by address. */
    private static Map<String, Duration> time(Bus bus, String name, int expected, Duration timeout) {
        Map<String, Duration> roundTrips = new ConcurrentHashMap<>();
        CountDownLatch everyone = new CountDownLatch(expected);
        AtomicLong sent = new AtomicLong();
        try (Registry timing = bus.connect()) {
            timing.observe(name, event -> {
                long now = System.nanoTime();
                if (event.type() == ServiceEvent.Type.REGISTERED
                        && roundTrips.putIfAbsent(event.service().address(), Duration.ofNanos(now - sent.get())) == null) {
                    everyone.countDown();
                }
            });
            sent.set(System.nanoTime());
            Discovery.ping(timing, name);
            everyone.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return roundTrips;
    }

    /** The round trip, or a note for an instance that answered the first round only. */
    private static String text(Duration roundTrip) {
        return roundTrip == null ? "answered once, not again" : String.format("%.1f ms", roundTrip.toNanos() / 1e6);
    }
}
