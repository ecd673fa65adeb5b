package dev.registry.cli;

import dev.registry.nats.MicroEndpoint;
import dev.registry.nats.MicroService;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * NATS micro service instances as an aligned text table for people, printed by {@code ls --micro} below the
 * registered instances: one row per instance in the order given, {@code -} for an empty field, the description
 * last since it has spaces. Stateless.
 */
final class MicroTable {

    private static final List<String> HEADER = List.of("MICRO-SERVICE", "ID", "VERSION", "ENDPOINTS", "METADATA", "DESCRIPTION");

    private MicroTable() {
    }

    /**
     * The table of {@code services}: a header, then one row per instance, columns padded to their widest cell.
     *
     * @param services instances, sorted as they should print
     * @return the table, each line ending with the line separator
     */
    static String format(List<MicroService> services) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        services.forEach(service -> rows.add(List.of(service.name(), service.id(), ServiceTable.orDash(service.version()),
                endpoints(service.endpoints()), ServiceTable.kv(service.metadata()), ServiceTable.orDash(service.description()))));
        return AlignedRows.render(rows);
    }

    /** {@code name=subject,...}, or {@code -} when there is none (a registry instance declares no subject). */
    private static String endpoints(List<MicroEndpoint> endpoints) {
        return endpoints.isEmpty() ? "-" : endpoints.stream().map(endpoint -> endpoint.name() + "=" + endpoint.subject())
                .collect(Collectors.joining(","));
    }
}
