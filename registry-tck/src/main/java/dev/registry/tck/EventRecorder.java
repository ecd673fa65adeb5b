package dev.registry.tck;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A listener that records events, and the thread each ran on, for assertions. Thread-safe. */
public final class EventRecorder implements ServiceListener {

    private final List<ServiceEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(ServiceEvent event) {
        threads.add(Thread.currentThread().getName());
        events.add(event);
    }

    /** Every event so far, in the order the listener received them (a copy). */
    public List<ServiceEvent> events() {
        return List.copyOf(events);
    }

    /** The name of the thread each event ran on, in the same order as {@link #events()} (a copy). */
    public List<String> threads() {
        return List.copyOf(threads);
    }

    /** The events of {@code type} so far. */
    public List<ServiceEvent> of(ServiceEvent.Type type) {
        return events.stream().filter(event -> event.type() == type).collect(Collectors.toList());
    }

    /** Waits for an event of {@code type} about the instance at {@code address}, and returns it. */
    public ServiceEvent await(ServiceEvent.Type type, String address) {
        return Await.value(type + " of " + address + "; events so far: " + events, () -> events.stream()
                .filter(event -> event.type() == type && event.service().address().equals(address))
                .findFirst().orElse(null));
    }

    /** The types of the events about {@code address}, in order. */
    public List<ServiceEvent.Type> typesOf(String address) {
        return events.stream().filter(event -> event.service().address().equals(address))
                .map(ServiceEvent::type).collect(Collectors.toList());
    }
}
