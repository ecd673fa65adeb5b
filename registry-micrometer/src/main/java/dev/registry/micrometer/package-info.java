/**
 * Micrometer meters for a {@link dev.registry.Registry}: {@link dev.registry.micrometer.RegistryMetrics} binds
 * the registry's counters and gauges, and counts the service events it sees. No Spring dependency; the Spring
 * Boot starter binds it by itself when Micrometer is on the class path.
 */
package dev.registry.micrometer;
