package dev.registry.cli;

import dev.registry.nats.MicroService;
import dev.registry.nats.NatsMicro;
import dev.registry.nats.NatsPubsub;
import dev.registry.nats.NatsPubsubProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ls --micro}'s other half: the NATS micro services ({@code nats micro ls}) on the bus's account, found
 * with {@link NatsMicro#discover} on a connection of their own. Stateless.
 */
final class MicroListing {

    private MicroListing() {
    }

    /**
     * Whether {@code url} is a NATS bus, by the schemes of the NATS transport ({@code nats}, {@code tls}). A URL that
     * is not a URI at all counts as NATS here: connecting reports what is wrong with it.
     *
     * @param url a bus URL
     * @return false for {@code redis://}, {@code mem://} and every other transport's URL
     */
    static boolean onNats(String url) {
        try {
            String scheme = new URI(url.trim()).getScheme();
            return scheme == null || new NatsPubsubProvider().schemes().contains(scheme.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException notAUri) {
            return true;
        }
    }

    /**
     * The micro service instances that answer within {@code wait}, sorted by name then id. Blocks for {@code wait}
     * on a connection of its own to {@code bus}, closed before returning.
     *
     * @param bus a NATS bus
     * @param wait how long to collect answers
     * @return the instances
     * @throws dev.registry.TransportException if the bus cannot be reached
     */
    static List<MicroService> discover(Bus bus, Duration wait) {
        try (NatsPubsub nats = NatsPubsub.connect(bus.url())) {
            return NatsMicro.discover(nats, wait);
        }
    }
}
