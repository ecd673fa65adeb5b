package dev.registry.cli;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import dev.registry.catalog.Discovery;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code registry watch [NAME] [--json]}: prints events as they happen until Ctrl-C, one line each, as text
 * or as JSON lines. With a name, it pings that name first, so its current instances show at once as
 * {@code REGISTERED}; without one, it watches every name and pings each name when it first shows up.
 */
@Command(name = "watch", description = {
        "Prints events (REGISTERED, UPDATED, UNREGISTERED, EXPIRED) as they happen, one a line, until Ctrl-C.",
        "With a name, its current instances show at once."})
final class WatchCommand extends BusCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "one service (default: every service)")
    private String name;

    @Option(names = "--json", description = "one JSON object a line, for scripts")
    private boolean json;

    @Override
    int run(Invocation invocation) {
        PrintWriter out = invocation.out();
        // println: picocli's writer flushes each line, so a pipe sees every event as it happens
        ServiceListener printer = json ? event -> out.println(JsonText.write(EventJson.of(event, Instant.now()), false))
                : event -> out.println(line(event));
        if (name == null) {
            Discovery.start(invocation.registry(), printer);
        } else {
            invocation.registry().observe(name, printer);
            Discovery.ping(invocation.registry(), name);
        }
        invocation.err().println("watching " + (name == null ? "every service" : "'" + name + "'") + " on "
                + invocation.bus() + "; Ctrl-C to stop");
        return invocation.untilStopped();
    }

    /** {@code 12:00:01.123 REGISTERED   greeter 127.0.0.1:8080 passing version=1.0.0 host=web-1 url=... kv=zone=eu}. */
    private static String line(ServiceEvent event) {
        return String.format("%s %-12s %s %s %s version=%s host=%s url=%s kv=%s",
                LocalTime.now().truncatedTo(ChronoUnit.MILLIS).format(TIME), event.type(), event.name(),
                event.service().address(), event.service().status().wireName(),
                ServiceTable.orDash(event.service().version()), ServiceTable.orDash(event.service().host()),
                ServiceTable.orDash(event.service().url()), ServiceTable.kv(event.service().kv()));
    }
}
