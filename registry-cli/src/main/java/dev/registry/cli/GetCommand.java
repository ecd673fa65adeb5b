package dev.registry.cli;

import dev.registry.Filter;
import dev.registry.Filters;
import dev.registry.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code registry get NAME [--filter lb|local|passing]... [--json]}: the instances of a service as a client
 * of the library finds them: every instance that answers within the lookup timeout, narrowed by the filters
 * in the order given ({@code --filter passing,lb} or repeated {@code --filter}). {@code lb} is the round-robin
 * filter, so the answer is one instance; {@code local} keeps instances on this host ({@code REGISTRY_HOST_NAME}
 * or this machine's name). Exits with 1 when none passes.
 */
final class GetCommand implements Command {

    @Override
    public int run(Invocation invocation) throws UsageException {
        String name = invocation.arguments().operands().get(0);
        List<String> chosen = new ArrayList<>();
        invocation.arguments().values("--filter").forEach(value -> chosen.addAll(List.of(value.split(","))));
        List<Filter> filters = new ArrayList<>();
        for (String filter : chosen) {
            filters.add(switch (filter.strip()) {
                case "lb" -> Filters.loadBalance();
                case "passing" -> Filters.passing();
                case "local" -> Filters.sameHost(invocation.bus().options().hostName());
                default -> throw new UsageException("--filter '" + filter + "': use lb, local or passing");
            });
        }
        List<Service> found = invocation.registry().getServices(name, filters.toArray(Filter[]::new));
        if (found.isEmpty()) {
            invocation.err().println("registry: no instance of '" + name + "'"
                    + (chosen.isEmpty() ? "" : " passing --filter " + String.join(",", chosen)) + " answered within "
                    + Durations.text(invocation.bus().options().lookupTimeout()) + " on " + invocation.bus());
            return FAILED;
        }
        invocation.out().print(invocation.json() ? Json.services(found, true) + System.lineSeparator()
                : ServiceTable.format(found));
        return OK;
    }
}
