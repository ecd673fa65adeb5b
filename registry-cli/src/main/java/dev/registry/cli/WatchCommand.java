package dev.registry.cli;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code registry watch [NAME] [--json]}: prints events as they happen until Ctrl-C, one line each, as text
 * or as JSON lines. With a name, it pings that name first, so its current instances show at once as
 * {@code REGISTERED}; without one, it watches every name and pings each name when it first shows up.
 */
final class WatchCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Override
    public int run(Invocation invocation) {
        PrintStream out = invocation.out();
        ServiceListener printer = invocation.json() ? event -> out.println(Json.event(event, Instant.now()))
                : event -> out.println(line(event));
        String name = invocation.arguments().operands().isEmpty() ? null : invocation.arguments().operands().get(0);
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
