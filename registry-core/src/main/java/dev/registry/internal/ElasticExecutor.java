package dev.registry.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The registry's threads for user code (listeners, watchers, async lookups' completions): a small pool that
 * grows when every thread is stuck. A listener may block; it then holds one thread, and the others keep
 * delivering. When all threads are busy and none finished a task since the last {@link #checkProgress()},
 * one more thread is added (up to {@value #MAX_THREADS}); threads above the base size end after
 * {@value #KEEP_ALIVE_SECONDS} s idle. So a blocked listener delays only its own name, and a burst of events
 * does not start a thread per name. Thread-safe.
 */
final class ElasticExecutor implements Executor {

    static final int BASE_THREADS = 2;
    static final int MAX_THREADS = 256;
    static final int KEEP_ALIVE_SECONDS = 30;

    private final ThreadPoolExecutor pool;
    private long completedAtLastCheck;

    ElasticExecutor(ThreadFactory threads) {
        this.pool = new ThreadPoolExecutor(BASE_THREADS, BASE_THREADS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    /**
     * Adds a thread when tasks wait and none completed since the previous check (every thread is stuck), and
     * lowers the size again once the queue is empty. Called periodically from the registry's scheduler.
     */
    synchronized void checkProgress() {
        long completed = pool.getCompletedTaskCount();
        int size = pool.getCorePoolSize();
        if (!pool.getQueue().isEmpty() && completed == completedAtLastCheck && size < MAX_THREADS) {
            pool.setMaximumPoolSize(Math.max(size + 1, pool.getMaximumPoolSize()));
            pool.setCorePoolSize(size + 1);
        } else if (pool.getQueue().isEmpty() && size > BASE_THREADS && pool.getActiveCount() < size) {
            pool.setCorePoolSize(size - 1);
            pool.setMaximumPoolSize(size - 1);
        }
        completedAtLastCheck = completed;
    }

    /** Stops taking tasks; tasks queued or running are left to finish on their daemon threads. */
    void shutdown() {
        pool.shutdown();
    }

    /** Whether {@link #shutdown()} was called. */
    boolean isShutdown() {
        return pool.isShutdown();
    }

    /** Runs {@code task} here, or on the calling thread once shut down (a last completion while closing). */
    void executeOrRun(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException closing) {
            task.run();
        }
    }
}
