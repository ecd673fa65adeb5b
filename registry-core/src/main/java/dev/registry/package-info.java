/**
 * The registry API: {@link dev.registry.Registry}, {@link dev.registry.Service}, {@link dev.registry.Registration},
 * {@link dev.registry.Filter}s, {@link dev.registry.ServiceEvent}s and {@link dev.registry.RegistryOptions}.
 */
@NullMarked
package dev.registry;

import org.jspecify.annotations.NullMarked;
