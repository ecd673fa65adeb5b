package dev.registry.internal;

import dev.registry.Service;
import java.util.List;

/**
 * {@code Filters.weighted()}: one instance per call, in proportion to its weight ({@link SmoothWeights}). Inside a
 * registry's lookup the scores are the registry's own, per service name, kept in the name's state and released
 * with it; applied outside a registry, to a list of the caller's, the filter keeps one set of scores of its own.
 */
public final class WeightedRoundRobin implements RegistryFilter {

    private final SmoothWeights outsideRegistry = new SmoothWeights();

    @Override
    public List<Service> apply(List<Service> instances) {
        return instances.size() <= 1 ? instances : List.of(outsideRegistry.pick(instances));
    }

    @Override
    public List<Service> applyIn(NameState state, String hostName, List<Service> instances) {
        return instances.size() <= 1 ? instances : List.of(state.weights().pick(instances));
    }
}
