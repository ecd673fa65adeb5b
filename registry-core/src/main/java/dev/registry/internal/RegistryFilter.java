package dev.registry.internal;

import dev.registry.Filter;
import dev.registry.Service;
import java.util.List;

/**
 * A ready-made filter whose answer depends on the registry running the lookup: its round-robin position, its
 * configured host name. Inside a registry's lookup {@link #applyIn} runs; {@link #apply} is what the filter does
 * on a list of the caller's, outside any registry.
 */
interface RegistryFilter extends Filter {

    /**
     * The instances that pass, for a lookup of {@code state}'s name in a registry whose host name is {@code hostName}.
     */
    List<Service> applyIn(NameState state, String hostName, List<Service> instances);
}
