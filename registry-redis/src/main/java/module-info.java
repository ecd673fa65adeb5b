/**
 * The registry's transport over Redis pub/sub (Lettuce): standalone, Sentinel and Cluster. Found by
 * {@link java.util.ServiceLoader} for {@code redis://}, {@code redis-sentinel://} and {@code redis-cluster://}
 * URLs (and their TLS forms, {@code rediss...}).
 */
// Lettuce has a stable Automatic-Module-Name; users of this module need its types, so it is re-exported.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.registry.redis {
    exports dev.registry.redis;

    // The transport's public methods take and return the API's and Lettuce's types.
    requires transitive dev.registry;
    requires transitive lettuce.core;
    // Lettuce's event loop runs the transport's resubscribe timer.
    requires io.netty.common;
    // Lettuce (an automatic module, so it declares nothing) loads Netty's DNS resolver when it creates its client
    // resources; without this, a module-path application would have to --add-modules it.
    requires io.netty.resolver.dns;
    requires org.slf4j;

    provides dev.registry.spi.PubsubProvider with dev.registry.redis.RedisPubsubProvider;
}
