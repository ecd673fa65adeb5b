/**
 * SmallRye Stork integration: a service discovery and a service registrar of type {@code registry}, so that
 * Quarkus, Vert.x and plain-Java Stork clients find (and register) instances through the registry with one line of
 * configuration, {@code stork.<service>.service-discovery.type=registry}.
 */
package dev.registry.stork;
