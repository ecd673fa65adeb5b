/** The in-memory transport: registries in one JVM sharing a named bus, for single-process use, examples and tests. */
@NullMarked
package dev.registry.memory;

import org.jspecify.annotations.NullMarked;
