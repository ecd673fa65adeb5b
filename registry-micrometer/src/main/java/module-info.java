/** Micrometer meters over a registry's stats and events ({@code RegistryMetrics}). */
// micrometer-core has a stable Automatic-Module-Name; users of this module need its types.
@SuppressWarnings("requires-transitive-automatic")
module dev.registry.micrometer {
    exports dev.registry.micrometer;

    requires transitive dev.registry;
    requires transitive micrometer.core;
}
