package dev.registry.catalog.internal;

import dev.registry.Service;
import dev.registry.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /v1/prometheus/targets}: the instances as Prometheus's HTTP service discovery reads them
 * ({@code http_sd_configs}): a JSON list of target groups, each with {@code targets} ({@code host:port}) and
 * {@code labels}. The labels are per instance ({@code __meta_registry_instance}, its status, its version, its
 * {@code kv}), and a group's labels apply to all its targets, so each instance is a group of its own, listed
 * by service then id; an instance whose address has no port is left out (nothing to scrape).
 * {@code ?passing} keeps passing instances, {@code ?service=NAME} (repeatable) keeps those services, looked up
 * first if the catalog holds none of their instances.
 *
 * <p>The path sits under {@code /v1/} beside the Consul API it shares a server with, under a name that says
 * whose format it speaks.
 */
final class PrometheusTargetsEndpoint implements Endpoint {

    /** This endpoint's path. */
    static final String PATH = "/v1/prometheus/targets";
    /** The prefix of every label, as Prometheus names the labels a discovery attaches. */
    static final String PREFIX = "__meta_registry_";

    private final ServerContext context;

    PrometheusTargetsEndpoint(ServerContext context) {
        this.context = context;
    }

    @Override
    public void handle(Request request) throws HttpError {
        boolean passing = request.flag("passing");
        List<String> services = request.all("service");
        context.lookups().discover(services).thenRun(() -> Guard.run(request,
                () -> Responses.json(request, groups(context.state().view(), services, passing), Map.of())));
    }

    private static List<TargetGroupJson> groups(CatalogView view, List<String> services, boolean passing) {
        List<TargetGroupJson> groups = new ArrayList<>();
        for (IndexedInstance indexed : view.allInstances()) {
            Service instance = indexed.service();
            String target = ConsulShapes.target(instance);
            if (!target.isEmpty() && (services.isEmpty() || services.contains(instance.name()))
                    && (!passing || instance.status() == Status.PASSING)) {
                groups.add(new TargetGroupJson(List.of(target), labels(instance)));
            }
        }
        return groups;
    }

    /**
     * The labels of {@code instance}; each {@code kv} key becomes {@code __meta_registry_kv_<key>} with every
     * character outside {@code [a-zA-Z0-9_]} replaced by {@code _}, as Prometheus sanitizes label names; when two
     * keys sanitize alike, the later in key order wins, as in Prometheus's own Consul discovery.
     */
    static Map<String, String> labels(Service instance) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(PREFIX + "service", instance.name());
        labels.put(PREFIX + "instance", instance.id());
        labels.put(PREFIX + "host", instance.host());
        labels.put(PREFIX + "status", instance.status().wireName());
        labels.put(PREFIX + "version", instance.version());
        instance.kv().forEach((key, value) -> labels.put(PREFIX + "kv_" + sanitized(key), value));
        return labels;
    }

    /** {@code key} with every character outside {@code [a-zA-Z0-9_]} replaced by {@code _}. */
    static String sanitized(String key) {
        return key.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
