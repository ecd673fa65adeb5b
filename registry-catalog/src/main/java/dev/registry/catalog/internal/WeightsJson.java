package dev.registry.catalog.internal;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Consul's {@code Weights} of a service instance, for DNS load balancing; the registry has none, so every
 * instance carries Consul's defaults.
 *
 * @param passing {@code Passing}: 1
 * @param warning {@code Warning}: 1
 */
record WeightsJson(@JsonProperty("Passing") int passing, @JsonProperty("Warning") int warning) {

    /** Consul's default weights. */
    static final WeightsJson DEFAULT = new WeightsJson(1, 1);
}
