package dev.registry.cli;

import dev.registry.Filter;
import dev.registry.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code registry get NAME [--filter lb|local|passing|weighted|version:RANGE|sticky:KEY]... [--json]}: the
 * instances of a service as a client of the library finds them: every instance that answers within the lookup
 * timeout, narrowed by the filters in the order given ({@code --filter passing,lb} or repeated {@code --filter}).
 * {@code lb}, {@code weighted} and {@code sticky:KEY} choose one instance; {@code local} keeps instances on this
 * host ({@code REGISTRY_HOST_NAME} or this machine's name). Exits with 1 when none passes.
 */
@Command(name = "get", description = "The instances of NAME that answer within the timeout, after the filters in order.")
final class GetCommand extends BusCommand {

    @Parameters(paramLabel = "NAME", description = "the service")
    private String name;

    @Option(names = "--filter", paramLabel = "FILTER", split = ",", converter = FilterName.Converter.class,
            completionCandidates = FilterName.Candidates.class,
            description = "${COMPLETION-CANDIDATES}, applied in the order given: lb is round-robin (one instance),"
                    + " local keeps the instances on this host, passing the passing ones, weighted is weighted"
                    + " round-robin by kv weight, version:RANGE keeps versions in a range ('version:^1.4'),"
                    + " sticky:KEY picks the same instance for the same key (--filter passing,lb)")
    private List<FilterName> filters = new ArrayList<>();

    @Option(names = "--json", description = "a JSON array of instances, every field, for scripts")
    private boolean json;

    @Override
    int run(Invocation invocation) {
        List<Service> found = invocation.registry().getServices(name,
                filters.stream().map(FilterName::filter).toArray(Filter[]::new));
        if (found.isEmpty()) {
            invocation.err().println("registry: no instance of '" + name + "'" + (filters.isEmpty() ? ""
                    : " passing --filter " + filters.stream().map(FilterName::toString).collect(Collectors.joining(",")))
                    + " answered within " + Durations.text(invocation.bus().options().lookupTimeout()) + " on "
                    + invocation.bus());
            return FAILED;
        }
        invocation.out().print(json ? JsonText.write(InstanceJson.sorted(found), true) + System.lineSeparator()
                : ServiceTable.format(found));
        return ExitCode.OK;
    }
}
