package dev.registry.stork;

import io.smallrye.stork.api.MetadataKey;

/**
 * The metadata a {@code registry} service instance carries in Stork ({@code ServiceInstance.getMetadata()}), and
 * that the {@code registry} registrar reads when it registers; an instance's {@code kv} are its labels
 * ({@code getLabels()}). A key is present only when the instance sets its field.
 */
public enum RegistryMetadataKey implements MetadataKey {

    /** The registry's id of the instance, {@code name@address}: the same instance in every process. */
    SERVICE_ID("registry-service-id"),
    /** The instance's version. */
    VERSION("registry-version"),
    /** The instance's status: {@code passing}, {@code warning} or {@code critical}, as on the wire. */
    STATUS("registry-status"),
    /** The host name of the instance's process. */
    HOST("registry-host"),
    /** The base URL to call the instance. */
    URL("registry-url");

    private final String name;

    RegistryMetadataKey(String name) {
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }
}
