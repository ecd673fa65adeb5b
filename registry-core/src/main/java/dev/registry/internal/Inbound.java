package dev.registry.internal;

import dev.registry.DropReason;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles messages from the bus: size- and schema-checks them on the transport's thread, then applies the
 * observe filters and updates the cache. Observe filters are user code, so when there are any, the checked
 * message is handed to a registry thread ({@code filterLane}, in arrival order) to run them; without any, the
 * cache update (which neither blocks nor runs user code) stays on the transport's thread. Never throws: a bad
 * message is dropped, counted and logged at debug.
 *
 * <p>Almost every message is a heartbeat of a cached instance that changed nothing. One equal, but for its send
 * time, to the message that last refreshed its instance (known by a keyed fingerprint, {@link BeatKey}) decodes to
 * what is cached, so it only renews the instance's due time, undecoded, when nothing needs the decoded message each
 * time: no signing (its replay check reads the send time) and no observe filters (user code).
 */
final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final WireCodec codec;
    private final Topics topics;
    private final InstanceCache cache;
    private final RegistryCounters counters;
    private final List<Predicate<Service>> observeFilters;
    private final double dueFactor;
    private final MessageSigner signer;
    private final Executor filterLane;
    private final Predicate<String> tracked;

    /**
     * @param filterLane where observe filters run: a serial executor on registry threads
     * @param tracked    whether the registry still uses a name: a message of a name it has forgotten (delivered
     *                   before its unsubscribe took effect) is ignored rather than cached again
     */
    Inbound(WireCodec codec, MessageSigner signer, Topics topics, RegistryOptions options, InstanceCache cache,
            RegistryCounters counters, Executor filterLane, Predicate<String> tracked) {
        this.filterLane = filterLane;
        this.tracked = tracked;
        this.codec = codec;
        this.signer = signer;
        this.topics = topics;
        this.cache = cache;
        this.counters = counters;
        this.observeFilters = options.observeFilters();
        this.dueFactor = options.dueFactor();
    }

    /** A message on a register or an unregister topic of this registry's prefix. */
    void onMessage(String topic, byte[] payload) {
        BeatKey beat = repeatable(topic, payload);
        if (beat != null && cache.renew(beat, topic, topics)) {
            counters.messagesIn.increment(); // a heartbeat equal to the last one of a cached instance: no news
            return;
        }
        if (!tracked.test(topics.nameOf(topic))) {
            counters.messagesIn.increment();
            LOG.debug("ignored a message on {}: the name is no longer used", topic);
            return;
        }
        if (topics.isRegister(topic)) {
            onRegister(topic, payload, beat);
        } else {
            onUnregister(topic, payload);
        }
    }

    /**
     * The key under which a register message may renew its instance undecoded, or null when it must be decoded:
     * on an unregister topic, too large, or when a check needs the decoded message each time (the replay check
     * of signed messages; observe filters, user code that may answer differently).
     */
    private BeatKey repeatable(String topic, byte[] payload) {
        if (signer != null || !observeFilters.isEmpty() || payload.length > codec.maxMessageSize()
                || !topics.isRegister(topic)) {
            return null;
        }
        return BeatKey.of(payload);
    }

    private void onRegister(String topic, byte[] payload, BeatKey beat) {
        counters.messagesIn.increment();
        try {
            Announcement announcement = codec.decodeRegister(authentic(topic, payload), topics.nameOf(topic));
            rejectReplay(announcement);
            long dueNanos = (long) (announcement.intervalMillis() * dueFactor * 1_000_000d);
            if (observeFilters.isEmpty()) {
                cache.upsert(announcement.service(), dueNanos, beat);
            } else {
                filterLane.execute(() -> {
                    if (accepted(announcement.service())) {
                        cache.upsert(announcement.service(), dueNanos);
                    }
                });
            }
        } catch (DroppedMessageException dropped) {
            drop(dropped.reason(), topic, dropped.getMessage());
        } catch (RuntimeException unexpected) {
            drop(DropReason.MALFORMED, topic, unexpected.toString());
        }
    }

    private void onUnregister(String topic, byte[] payload) {
        counters.messagesIn.increment();
        try {
            Announcement announcement = codec.decodeUnregister(authentic(topic, payload), topics.nameOf(topic));
            rejectReplay(announcement);
            if (observeFilters.isEmpty()) {
                cache.remove(announcement.service().name(), announcement.service().address());
            } else {
                // in the same lane as registers, so an unregister never overtakes the register it follows
                filterLane.execute(() -> cache.remove(announcement.service().name(), announcement.service().address()));
            }
        } catch (DroppedMessageException dropped) {
            drop(dropped.reason(), topic, dropped.getMessage());
        } catch (RuntimeException unexpected) {
            drop(DropReason.MALFORMED, topic, unexpected.toString());
        }
    }

    /** The message without its signature when signing is on (throws if it is not authentic), else as it came. */
    private byte[] authentic(String topic, byte[] payload) throws DroppedMessageException {
        if (payload.length > codec.maxMessageSize()) {
            throw new DroppedMessageException(DropReason.TOO_LARGE, payload.length + " bytes");
        }
        return signer == null ? payload : signer.verify(topic, payload);
    }

    /**
     * With signing on, a message older than its due time is a replay: its signature is genuine but its news
     * is stale (an unregister replayed after a re-registration, say).
     */
    private void rejectReplay(Announcement announcement) throws DroppedMessageException {
        if (signer == null) {
            return;
        }
        if (announcement.intervalMillis() <= 0) {
            throw new DroppedMessageException(DropReason.MISSING_TIMESTAMPS, "signed message without t");
        }
        long ageMillis = System.currentTimeMillis() - announcement.registeredMillis();
        if (ageMillis > announcement.intervalMillis() * dueFactor) {
            throw new DroppedMessageException(DropReason.REPLAYED, "sent " + ageMillis + " ms ago");
        }
    }

    private boolean accepted(Service service) {
        for (Predicate<Service> filter : observeFilters) {
            boolean passed;
            try {
                passed = filter.test(service);
            } catch (RuntimeException failed) {
                LOG.debug("observe filter {} threw on {}: rejected", filter, service, failed);
                passed = false;
            }
            if (!passed) {
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
