package dev.registry.internal;

import dev.registry.Service;
import dev.registry.ServiceListener;
import dev.registry.spi.TopicSubscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything a registry keeps for one service name: the cached instances and their published snapshot, the
 * listeners and the event lane, pending lookups, the topic subscriptions, the id of its round-robin positions and the
 * ping bookkeeping. Holding it in one object is what lets the registry forget a name at once when nothing
 * uses it any more ({@link NameTable#sweep}).
 *
 * <p>Lookups read {@link #snapshot} without a lock. Whatever adds a use of the name (an instance, a listener,
 * a lookup) does so under this object's monitor and fails once the state is {@linkplain #retireIfIdle retired};
 * the caller then takes the name's fresh state from the table. Nothing here does I/O or runs user code.
 */
final class NameState {

    private static final Service[] NONE = {};
    /** Hands out {@link #id}s in sequence, from 1 (a thread's position table starts zeroed: id 0 would match it). */
    private static final AtomicInteger IDS = new AtomicInteger();

    /**
     * The name's cached instances in address order, the one record of them (the {@link #snapshot} is its list
     * view): replaced, never changed, under this object's monitor. The load-balanced lookup indexes it directly,
     * reading one object fewer than through the list, which counts when lookups cycle through many names. Declared
     * first of the references because HotSpot lays references out in declaration order after the primitives: here
     * it sits 16 bytes after {@link #id} and {@link #touched}, which the same lookup reads, so the three mostly
     * share one cache line (declared later, it sat 64 bytes in, always on the next line).
     */
    volatile Service[] instances = NONE;
    final String name;
    /** Tells this name's slot in a thread's round-robin positions ({@link ThreadPositions}). */
    final int id = IDS.incrementAndGet();
    final SerialExecutor lane;
    final List<ServiceListener> listeners = new CopyOnWriteArrayList<>();
    final Set<LookupWaiter> waiters = ConcurrentHashMap.newKeySet();
    /** The register and unregister subscriptions of this name; null until requested, or after a failure. */
    volatile CompletableFuture<List<TopicSubscription>> subscription;
    /**
     * On a transport whose {@link #subscription} completes unconfirmed: completes once the bus has confirmed it;
     * null until an observer asks, and asked again after a failure.
     */
    volatile CompletableFuture<Void> confirmation;
    /** When a ping for this name was last published, on the registry's ticker; shared by concurrent lookups. */
    final AtomicLong lastPing = new AtomicLong(Long.MIN_VALUE);
    /**
     * Set once the answers to the name's latest ping have had the lookup timeout to arrive, so the cache holds
     * every instance that answered: until then, a lookup of all instances waits instead of returning the few
     * that came first, and no new ping goes out. Cleared by each new ping.
     */
    volatile boolean warm;
    /** Counts pings, so that only the latest ping's timer sets {@link #warm}. */
    final AtomicLong pingRound = new AtomicLong();
    /** A lookup, listener or instance used the name since the last sweep. */
    volatile boolean touched = true;
    volatile List<Service> snapshot = List.of();
    /** The smooth weighted round robin's scores, made on the first weighted lookup of the name. */
    private volatile SmoothWeights weights;
    private boolean retired;
    /** Last sweep that found the name touched, on the registry's ticker; read and written by the sweep only. */
    private long lastUsed = Long.MIN_VALUE;

    NameState(String name, Executor listenerExecutor, LongAdder backlog) {
        this.name = name;
        this.lane = new SerialExecutor(listenerExecutor, backlog);
    }

    /** Caches or replaces an instance; false when this state is retired (use the table's fresh one). */
    synchronized boolean put(Service service) {
        if (retired) {
            return false;
        }
        Service[] current = instances;
        int at = indexOf(current, service.address());
        Service[] next;
        if (at >= 0) {
            next = current.clone();
            next[at] = service;
        } else {
            int insert = -at - 1;
            next = new Service[current.length + 1];
            System.arraycopy(current, 0, next, 0, insert);
            next[insert] = service;
            System.arraycopy(current, insert, next, insert + 1, current.length - insert);
        }
        publish(next);
        touched = true;
        return true;
    }

    /** Drops an instance; returns whether it was cached here. */
    synchronized boolean remove(String address) {
        Service[] current = instances;
        int at = indexOf(current, address);
        if (at < 0) {
            return false;
        }
        Service[] next = new Service[current.length - 1];
        System.arraycopy(current, 0, next, 0, at);
        System.arraycopy(current, at + 1, next, at, next.length - at);
        publish(next);
        touched = true;
        return true;
    }

    synchronized boolean addListener(ServiceListener listener) {
        if (retired) {
            return false;
        }
        listeners.add(listener);
        touched = true;
        return true;
    }

    void removeListener(ServiceListener listener) {
        listeners.remove(listener);
        touched = true;
    }

    synchronized boolean addWaiter(LookupWaiter waiter) {
        if (retired) {
            return false;
        }
        waiters.add(waiter);
        touched = true;
        return true;
    }

    void removeWaiter(LookupWaiter waiter) {
        waiters.remove(waiter);
        touched = true;
    }

    /** Wakes every pending lookup of the name: its instances changed, it became warm, or the registry closes. */
    void wakeWaiters() {
        for (LookupWaiter waiter : waiters) {
            waiter.wake();
        }
    }

    /** The instance the calling thread's round robin of this name hands out next, from a non-empty list. */
    Service nextRoundRobin(List<Service> instances) {
        int size = instances.size();
        return size == 1 ? instances.get(0) : instances.get(ThreadPositions.next(id, size));
    }

    /** As {@link #nextRoundRobin}, over a non-empty array. */
    Service nextRoundRobin(Service[] instances) {
        int size = instances.length;
        return size == 1 ? instances[0] : instances[ThreadPositions.next(id, size)];
    }

    /** This name's weighted round-robin scores. */
    SmoothWeights weights() {
        SmoothWeights current = weights;
        if (current == null) {
            synchronized (this) {
                current = weights;
                if (current == null) {
                    current = new SmoothWeights();
                    weights = current;
                }
            }
        }
        return current;
    }

    /**
     * Retires this state if nothing has used the name for {@code idleNanos}: no instance, listener, pending
     * lookup or queued event, and no touch. Called by the sweep only.
     *
     * @return whether it is retired now; the caller removes it from the table and releases its subscriptions
     */
    synchronized boolean retireIfIdle(long now, long idleNanos) {
        boolean inUse = instances.length > 0 || !listeners.isEmpty() || !waiters.isEmpty() || !lane.isIdle();
        if (touched || inUse || lastUsed == Long.MIN_VALUE) {
            touched = false;
            lastUsed = now;
            return false;
        }
        if (now - lastUsed < idleNanos) {
            return false;
        }
        retired = true;
        return true;
    }

    /** Under this object's monitor: the new instances, in address order, for lookups to read. */
    private void publish(Service[] sorted) {
        instances = sorted;
        snapshot = List.of(sorted);
    }

    /** Where {@code address} is in {@code sorted}, or {@code -(insertion point) - 1}, as a binary search returns. */
    private static int indexOf(Service[] sorted, String address) {
        int low = 0;
        int high = sorted.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = sorted[middle].address().compareTo(address);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }
}
