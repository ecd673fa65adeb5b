package dev.registry.redis;

import dev.registry.spi.DaemonThreads;
import io.lettuce.core.resource.ThreadFactoryProvider;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lettuce threads of a client the transport creates itself, daemons named {@code registry-redis-...} as
 * every thread the library starts is.
 */
final class NamedThreads {

    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private NamedThreads() {
    }

    /**
     * Names the pools of one owned Lettuce client: {@code lettuce-nioEventLoop} of client 3 becomes
     * {@code registry-redis-client3-nioEventLoop-<n>}.
     */
    static ThreadFactoryProvider forLettuceClient() {
        String client = "registry-redis-client" + CLIENT_IDS.incrementAndGet() + "-";
        return poolName -> {
            String prefix = client + (poolName.startsWith("lettuce-") ? poolName.substring("lettuce-".length()) : poolName) + "-";
            return DaemonThreads.numbered(prefix);
        };
    }
}
