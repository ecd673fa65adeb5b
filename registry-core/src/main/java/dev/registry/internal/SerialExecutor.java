package dev.registry.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs tasks one at a time, in submission order, on a shared delegate executor: how events of one service
 * name stay ordered on a multi-threaded listener executor while a blocked listener holds up only its own
 * name. {@link #execute} only enqueues and hands at most one drain to the delegate, so it never runs a task on
 * the calling thread unless the delegate does. Thread-safe.
 */
final class SerialExecutor implements Executor {

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor delegate;
    private final LongAdder backlog;

    /**
     * @param backlog counts tasks queued in this executor and not yet finished (shared by a registry's lanes)
     */
    SerialExecutor(Executor delegate, LongAdder backlog) {
        this.delegate = delegate;
        this.backlog = backlog;
    }

    @Override
    public void execute(Runnable task) {
        backlog.increment();
        tasks.add(task);
        scheduleDrain();
    }

    /** Whether no task is queued or running. */
    boolean isIdle() {
        return !scheduled.get() && tasks.isEmpty();
    }

    private void scheduleDrain() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            try {
                delegate.execute(this::drain);
            } catch (RejectedExecutionException shutDown) {
                discard();
                scheduled.set(false);
            }
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } finally {
                    backlog.decrement();
                }
            }
        } finally {
            scheduled.set(false);
            scheduleDrain();
        }
    }

    private void discard() {
        while (tasks.poll() != null) {
            backlog.decrement();
        }
    }
}
