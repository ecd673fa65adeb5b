package dev.registry.spi;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the threads a registry or a transport starts: daemons (a registry never keeps a JVM
 * alive) with names that say whose they are ({@code registry-<role>-...}), so a thread dump reads at a glance.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Daemon threads all called {@code name}: for a single-thread executor. */
    public static ThreadFactory named(String name) {
        return runnable -> daemon(runnable, name);
    }

    /** Daemon threads called {@code prefix} followed by 1, 2, 3...: for a pool. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> daemon(runnable, prefix + count.incrementAndGet());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
