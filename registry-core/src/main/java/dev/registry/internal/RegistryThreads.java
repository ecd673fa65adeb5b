package dev.registry.internal;

import dev.registry.spi.DaemonThreads;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the threads a registry starts ({@code registry-<role>-<registry id>}) and makes them daemons. */
final class RegistryThreads implements ThreadFactory {

    private static final AtomicInteger REGISTRY_IDS = new AtomicInteger();

    private final ThreadFactory threads;

    private RegistryThreads(String name) {
        this.threads = DaemonThreads.named(name);
    }

    /** A factory for the threads of one role of a new registry. */
    static RegistryThreads named(String role, int registryId) {
        return new RegistryThreads("registry-" + role + "-" + registryId);
    }

    /** A fresh id for a registry, so its threads are told apart in a thread dump. */
    static int nextRegistryId() {
        return REGISTRY_IDS.incrementAndGet();
    }

    @Override
    public Thread newThread(Runnable task) {
        return threads.newThread(task);
    }
}
