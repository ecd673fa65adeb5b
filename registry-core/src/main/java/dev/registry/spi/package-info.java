/**
 * The transport service provider interface: what a bus must offer for a registry to run on it.
 * Implement {@link dev.registry.spi.Pubsub} and, for URL-based discovery, {@link dev.registry.spi.PubsubProvider};
 * then extend the contract suites of registry-tck ({@code dev.registry:registry-tck}, test scope) to prove it.
 */
@NullMarked
package dev.registry.spi;

import org.jspecify.annotations.NullMarked;
