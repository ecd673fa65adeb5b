/**
 * The registry's API ({@code dev.registry}), the transport SPI ({@code dev.registry.spi}) and the in-memory
 * transport ({@code dev.registry.memory}). The implementation ({@code dev.registry.internal}) is not exported:
 * nothing outside this module can reach it, on the module path or through reflection.
 *
 * <p>Transports are found with {@link java.util.ServiceLoader} by URL scheme: a transport module
 * {@code provides dev.registry.spi.PubsubProvider}; on the class path, a {@code META-INF/services} entry does
 * the same.
 */
module dev.registry {
    exports dev.registry;
    exports dev.registry.spi;
    exports dev.registry.memory;

    requires com.github.benmanes.caffeine;
    requires com.fasterxml.jackson.core;
    requires org.slf4j;
    // Nullness annotations on the API: read by users' tools at compile time, needed by nothing at run time.
    requires static transitive org.jspecify;

    uses dev.registry.spi.PubsubProvider;

    provides dev.registry.spi.PubsubProvider with dev.registry.memory.InMemoryPubsubProvider;
}
