package dev.registry.redis;

import io.lettuce.core.resource.ThreadFactoryProvider;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads named {@code registry-redis-...}, as every thread the library starts is (DESIGN.md):
 * the handler thread of a pubsub, and the Lettuce threads of a client the transport creates itself.
 */
final class NamedThreads {

    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private NamedThreads() {
    }

    /** Threads all called {@code name}: for a single-thread executor. */
    static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Names the pools of one owned Lettuce client: {@code lettuce-nioEventLoop} of client 3 becomes
     * {@code registry-redis-client3-nioEventLoop-<n>}.
     */
    static ThreadFactoryProvider forLettuceClient() {
        String client = "registry-redis-client" + CLIENT_IDS.incrementAndGet() + "-";
        return poolName -> {
            String prefix = client + (poolName.startsWith("lettuce-") ? poolName.substring("lettuce-".length()) : poolName) + "-";
            AtomicInteger threads = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        };
    }
}
