package dev.registry.cli;

import dev.registry.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Instances as an aligned text table for people: one row per instance, sorted by name then address, {@code -}
 * for an empty field. Stateless.
 */
final class ServiceTable {

    /** The order of every listing, table or JSON: by name, then by address. */
    static final Comparator<Service> ORDER = Comparator.comparing(Service::name).thenComparing(Service::address);

    private static final List<String> HEADER = List.of("SERVICE", "ADDRESS", "STATUS", "VERSION", "HOST", "URL", "KV");

    private ServiceTable() {
    }

    /**
     * The table of {@code services}: a header, then one row per instance, columns padded to their widest cell.
     *
     * @param services instances in any order
     * @return the table, each line ending with the line separator
     */
    static String format(List<Service> services) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        services.stream().sorted(ORDER).forEach(service -> rows.add(List.of(service.name(), service.address(),
                service.status().wireName(), orDash(service.version()), orDash(service.host()), orDash(service.url()),
                kv(service.kv()))));
        return AlignedRows.render(rows);
    }

    /** {@code k=v,k2=v2}, or {@code -} when there is no metadata. */
    static String kv(Map<String, String> kv) {
        return kv.isEmpty() ? "-" : kv.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    /** {@code value}, or {@code -} when it is empty, so that every column of a row has a word. */
    static String orDash(String value) {
        return value.isEmpty() ? "-" : value;
    }
}
