package dev.registry.internal;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@link NameState} of every service name a registry uses, and the sweep that forgets names nothing uses
 * any more: a name is released once it has had no cached instance, listener, watch, pending lookup or queued
 * event, and no lookup touched it, for at least the idle time (and at most the idle time plus one sweep period,
 * a quarter of it). Memory thus follows the names in use, not every name ever seen. Thread-safe.
 */
final class NameTable {

    private final ConcurrentMap<String, NameState> states = new ConcurrentHashMap<>();
    private final Executor listenerExecutor;
    private final LongAdder backlog;
    private final long idleNanos;

    NameTable(Executor listenerExecutor, LongAdder backlog, long idleNanos) {
        this.listenerExecutor = listenerExecutor;
        this.backlog = backlog;
        this.idleNanos = idleNanos;
    }

    /** The state of {@code name}, or null when the registry holds none: one map read. */
    NameState get(String name) {
        return states.get(name);
    }

    /**
     * The state of {@code name} after {@code use} succeeded on it (created when absent). {@code use} fails only
     * on a state the sweep has just retired; the next try then gets a fresh one.
     */
    NameState acquire(String name, Predicate<NameState> use) {
        while (true) {
            NameState state = states.computeIfAbsent(name, this::create);
            if (use.test(state)) {
                return state;
            }
            states.remove(name, state);
        }
    }

    /** Forgets every name idle for the idle time, handing each retired state to {@code retired}. */
    void sweep(long now, Consumer<NameState> retired) {
        for (NameState state : states.values()) {
            if (state.retireIfIdle(now, idleNanos)) {
                states.remove(state.name, state);
                retired.accept(state);
            }
        }
    }

    Collection<NameState> all() {
        return states.values();
    }

    int size() {
        return states.size();
    }

    void clear() {
        states.clear();
    }

    private NameState create(String name) {
        return new NameState(name, listenerExecutor, backlog);
    }
}
