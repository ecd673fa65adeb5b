package dev.registry.cli;

import dev.registry.Service;
import dev.registry.catalog.Discovery;
import dev.registry.nats.MicroService;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code registry ls [--wait DURATION] [--json] [--micro]}: every service and instance on the bus. The protocol
 * has no way to ask for every name, so the tool listens for announcements, pinging each name it learns so that
 * all its instances answer at once. By default it listens one register interval and a second more, the longest
 * an instance stays silent, so the list is complete; {@code --wait 2s} answers sooner with what announced
 * itself by then. With {@code --micro}, on a NATS bus only, it also asks the account's NATS micro services
 * ({@code $SRV.INFO}, as {@code nats micro ls} does) over the same time, and prints them below the registered
 * instances (with {@code --json}: {@code {"instances":[...],"micro":[...]}}).
 */
@Command(name = "ls", description = {
        "Every service and instance on the bus, sorted, as a table or a JSON array.",
        "Listens one register interval plus 1s (21s by default): instances announce themselves at each heartbeat,"
                + " and each name learned is pinged so that all its instances answer at once."})
final class ListCommand extends BusCommand {

    @Option(names = "--wait", paramLabel = "DURATION", converter = PositiveDuration.class,
            description = "answer sooner, with what announced itself by then (e.g. 2s)")
    private Duration wait;

    @Option(names = "--json", description = "a JSON array of instances, every field, for scripts")
    private boolean json;

    @Option(names = "--micro", description = "also the NATS micro services of the bus's account (what 'nats micro ls'"
            + " lists), below the registered instances; with --json an object {instances, micro}. NATS bus only")
    private boolean micro;

    /** {@code --micro} needs a NATS bus: refused before connecting to any other. */
    @Override
    void checkBus(Bus bus) {
        if (micro && !MicroListing.onNats(bus.url())) {
            throw new IllegalArgumentException("--micro lists NATS micro services, so it needs a NATS bus (nats:// or"
                    + " tls://), but the bus is " + bus);
        }
    }

    @Override
    int run(Invocation invocation) {
        Duration listening = wait != null ? wait : invocation.bus().options().registerInterval().plusSeconds(1);
        Discovery discovery = Discovery.start(invocation.registry(), event -> { });
        invocation.err().println("listening " + Durations.text(listening) + " for the services"
                + (micro ? " and the NATS micro services" : "") + " on " + invocation.bus()
                + (wait != null ? "" : "; --wait 2s for a quicker, partial list"));
        List<MicroService> microServices = List.of();
        try {
            if (micro) {
                microServices = MicroListing.discover(invocation.bus(), listening); // listens as long, meanwhile
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            } else {
                Thread.sleep(listening.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocation.STOPPED;
        }
        List<Service> instances = discovery.instances();
        if (json) {
            invocation.out().println(JsonText.write(micro ? new ListingJson(InstanceJson.sorted(instances),
                    MicroJson.of(microServices)) : InstanceJson.sorted(instances), true));
        } else {
            invocation.out().print(ServiceTable.format(instances));
            if (micro) {
                invocation.out().println();
                invocation.out().print(MicroTable.format(microServices));
            }
            invocation.err().println(count(instances.size(), "instance") + " of " + count(discovery.names().size(), "service")
                    + (micro ? ", " + count(microServices.size(), "NATS micro service instance") + " of "
                            + count(microServices.stream().map(MicroService::name).distinct().count(), "name") : ""));
        }
        return ExitCode.OK;
    }

    /** {@code 1 instance}, {@code 3 instances}. */
    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
