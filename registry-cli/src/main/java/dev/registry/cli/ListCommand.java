package dev.registry.cli;

import dev.registry.Service;
import dev.registry.catalog.Discovery;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code registry ls [--wait DURATION] [--json]}: every service and instance on the bus. The protocol has no
 * way to ask for every name, so the tool listens for announcements, pinging each name it learns so that all
 * its instances answer at once. By default it listens one register interval and a second more, the longest
 * an instance stays silent, so the list is complete; {@code --wait 2s} answers sooner with what announced
 * itself by then.
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

    @Override
    int run(Invocation invocation) {
        Duration listening = wait != null ? wait : invocation.bus().options().registerInterval().plusSeconds(1);
        Discovery discovery = Discovery.start(invocation.registry(), event -> { });
        invocation.err().println("listening " + Durations.text(listening) + " for the services on " + invocation.bus()
                + (wait != null ? "" : "; --wait 2s for a quicker, partial list"));
        try {
            Thread.sleep(listening.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocation.STOPPED;
        }
        List<Service> instances = discovery.instances();
        if (json) {
            invocation.out().println(JsonText.write(InstanceJson.sorted(instances), true));
        } else {
            invocation.out().print(ServiceTable.format(instances));
            invocation.err().println(instances.size() + " instance" + (instances.size() == 1 ? "" : "s") + " of "
                    + discovery.names().size() + " service" + (discovery.names().size() == 1 ? "" : "s"));
        }
        return ExitCode.OK;
    }
}
