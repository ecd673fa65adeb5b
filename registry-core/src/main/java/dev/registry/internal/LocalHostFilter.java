package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.Filters;
import dev.registry.Service;
import java.util.List;

/**
 * {@code Filters.localhost()}: the instances on this host. Inside a registry's lookup, this host is the registry's
 * configured host name (the host its own registrations get), so a registry configured with {@code hostName("a")}
 * finds the instances registered as on "a"; applied outside a registry, it is this machine's host name.
 */
public final class LocalHostFilter implements RegistryFilter {

    private final Filter onThisMachine = Filters.sameHost(HostName.local());

    @Override
    public List<Service> apply(List<Service> instances) {
        return onThisMachine.apply(instances);
    }

    @Override
    public List<Service> applyIn(NameState state, String hostName, List<Service> instances) {
        int size = instances.size();
        for (int i = 0; i < size; i++) {
            if (!instances.get(i).host().equals(hostName)) {
                return Filters.sameHost(hostName).apply(instances);
            }
        }
        return instances;
    }
}
