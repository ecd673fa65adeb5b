package dev.registry.micrometer;

import dev.registry.ServiceEvent;
import dev.registry.ServiceListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counts service events by type into every meter registry the binder was bound to. Runs on the registry's
 * listener threads; a counter increment never blocks them.
 */
final class EventCounters implements ServiceListener {

    private final List<Map<ServiceEvent.Type, Counter>> bound = new CopyOnWriteArrayList<>();

    /** Creates the {@code registry.events} counters in {@code meters} and counts into them from now on. */
    void bindTo(MeterRegistry meters, Iterable<Tag> tags) {
        Map<ServiceEvent.Type, Counter> counters = new EnumMap<>(ServiceEvent.Type.class);
        for (ServiceEvent.Type type : ServiceEvent.Type.values()) {
            counters.put(type, Counter.builder("registry.events")
                    .description("Changes of cached instances seen on the bus, by type")
                    .baseUnit("events")
                    .tags(tags).tag("type", type.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
        bound.add(counters);
    }

    @Override
    public void onEvent(ServiceEvent event) {
        for (Map<ServiceEvent.Type, Counter> counters : bound) {
            counters.get(event.type()).increment();
        }
    }
}
