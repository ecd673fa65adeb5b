package dev.registry.internal;

import dev.registry.DropReason;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles messages from the bus on the transport's thread: size- and schema-checks them, applies the observe
 * filters and updates the cache. Never blocks and never throws: a bad message is dropped, counted and logged
 * at debug.
 */
final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final WireCodec codec;
    private final Topics topics;
    private final InstanceCache cache;
    private final RegistryCounters counters;
    private final List<Predicate<Service>> observeFilters;
    private final double dueFactor;

    Inbound(WireCodec codec, Topics topics, RegistryOptions options, InstanceCache cache, RegistryCounters counters) {
        this.codec = codec;
        this.topics = topics;
        this.cache = cache;
        this.counters = counters;
        this.observeFilters = options.observeFilters();
        this.dueFactor = options.dueFactor();
    }

    void onRegister(String topic, byte[] payload) {
        counters.messagesIn.increment();
        try {
            Announcement announcement = codec.decodeRegister(payload, topics.nameOf(topic));
            if (accepted(announcement.service())) {
                cache.upsert(announcement.service(), (long) (announcement.intervalMillis() * dueFactor * 1_000_000d));
            }
        } catch (DroppedMessageException dropped) {
            drop(dropped.reason(), topic, dropped.getMessage());
        } catch (RuntimeException unexpected) {
            drop(DropReason.MALFORMED, topic, unexpected.toString());
        }
    }

    void onUnregister(String topic, byte[] payload) {
        counters.messagesIn.increment();
        try {
            Service service = codec.decodeUnregister(payload, topics.nameOf(topic));
            cache.remove(service.name(), service.address());
        } catch (DroppedMessageException dropped) {
            drop(dropped.reason(), topic, dropped.getMessage());
        } catch (RuntimeException unexpected) {
            drop(DropReason.MALFORMED, topic, unexpected.toString());
        }
    }

    private boolean accepted(Service service) {
        for (Predicate<Service> filter : observeFilters) {
            if (!filter.test(service)) {
                counters.dropped(DropReason.OBSERVE_FILTER);
                return false;
            }
        }
        return true;
    }

    private void drop(DropReason reason, String topic, String detail) {
        counters.dropped(reason);
        LOG.debug("dropped message on {}: {} ({})", topic, reason, detail);
    }
}
