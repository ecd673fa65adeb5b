package dev.registry.cli;

import dev.registry.Service;
import java.time.Duration;
import java.util.List;

/**
 * {@code registry ls [--wait DURATION] [--json]}: every service and instance on the bus. The protocol has no
 * way to ask for every name, so the tool listens for announcements, pinging each name it learns so that all
 * its instances answer at once. By default it listens one register interval and a second more, the longest
 * an instance stays silent, so the list is complete; {@code --wait 2s} answers sooner with what announced
 * itself by then.
 */
final class ListCommand implements Command {

    @Override
    public int run(Invocation invocation) throws UsageException {
        Duration wait = invocation.arguments().duration("--wait")
                .orElse(invocation.bus().options().registerInterval().plusSeconds(1));
        Discovery discovery = Discovery.start(invocation.registry(), event -> { });
        invocation.err().println("listening " + Durations.text(wait) + " for the services on " + invocation.bus()
                + (invocation.arguments().has("--wait") ? "" : "; --wait 2s for a quicker, partial list"));
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocation.STOPPED;
        }
        List<Service> instances = discovery.instances();
        if (invocation.json()) {
            invocation.out().println(Json.services(instances, true));
        } else {
            invocation.out().print(ServiceTable.format(instances));
            invocation.err().println(instances.size() + " instance" + (instances.size() == 1 ? "" : "s") + " of "
                    + discovery.names().size() + " service" + (discovery.names().size() == 1 ? "" : "s"));
        }
        return OK;
    }
}
