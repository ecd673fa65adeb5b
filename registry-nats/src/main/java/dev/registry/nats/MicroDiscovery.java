package dev.registry.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registry.TransportException;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every NATS micro service on a connection's account for its {@code INFO} and collects the answers, as
 * {@code nats micro ls} does. Stateless; each call uses a subscription of its own.
 */
final class MicroDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(MicroDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INFO = MicroRequest.PREFIX + "." + MicroRequest.Verb.INFO.name();

    private MicroDiscovery() {
    }

    /** See {@link NatsMicro#discover(Connection, Duration)}. */
    static List<MicroService> discover(Connection connection, Duration wait) {
        Map<String, MicroService> found = new LinkedHashMap<>();
        Subscription answers;
        String inbox = connection.createInbox();
        try {
            answers = connection.subscribe(inbox);
            // after the SUB on the same connection, so the server routes every answer to it
            connection.publish(INFO, inbox, null);
        } catch (IllegalStateException e) {
            throw new TransportException("cannot ask for " + INFO + ": the NATS connection is " + connection.getStatus(), e);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Message answer = answers.nextMessage(Duration.ofNanos(left));
                if (answer == null) {
                    break;
                }
                if (answer.isStatusMessage()) {
                    continue; // "no responders" (503) when no micro service listens: nothing to add
                }
                parse(answer.getData()).ifPresent(service -> found.putIfAbsent(service.name() + ' ' + service.id(), service));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // what arrived so far is the answer
        } catch (IllegalStateException e) {
            throw new TransportException("the NATS connection was closed while collecting " + INFO + " answers", e);
        } finally {
            unsubscribeQuietly(answers);
        }
        List<MicroService> services = new ArrayList<>(found.values());
        services.sort(Comparator.comparing(MicroService::name).thenComparing(MicroService::id));
        return List.copyOf(services);
    }

    /**
     * The service an {@code io.nats.micro.v1.info_response} describes, or empty for anything else (another type,
     * no name or id, not JSON). Lenient as the micro clients are: unknown fields are ignored, missing optional
     * ones are empty, a metadata value that is not a string is kept as its JSON text.
     */
    static Optional<MicroService> parse(byte[] data) {
        JsonNode info;
        try {
            info = JSON.readTree(data);
        } catch (IOException notJson) {
            LOG.debug("an answer to {} is not JSON: {}", INFO, notJson.getMessage());
            return Optional.empty();
        }
        if (info == null || !MicroRequest.Verb.INFO.responseType().equals(text(info, "type"))
                || text(info, "name").isEmpty() || text(info, "id").isEmpty()) {
            LOG.debug("an answer to {} is not an info response with a name and an id: {}", INFO, info);
            return Optional.empty();
        }
        List<MicroEndpoint> endpoints = new ArrayList<>();
        for (JsonNode endpoint : info.path("endpoints")) {
            endpoints.add(new MicroEndpoint(text(endpoint, "name"), text(endpoint, "subject"), text(endpoint, "queue_group"),
                    strings(endpoint.path("metadata"))));
        }
        return Optional.of(new MicroService(text(info, "name"), text(info, "id"), text(info, "version"),
                text(info, "description"), strings(info.path("metadata")), endpoints));
    }

    /** The field's text: a string as it is, a number or boolean as written, empty when missing or null. */
    private static String text(JsonNode object, String field) {
        JsonNode value = object.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> strings = new LinkedHashMap<>();
        object.properties().forEach(field ->
                strings.put(field.getKey(), field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        return strings;
    }

    private static void unsubscribeQuietly(Subscription subscription) {
        try {
            subscription.unsubscribe();
        } catch (IllegalStateException alreadyClosed) {
            LOG.debug("inbox subscription already ended: {}", alreadyClosed.getMessage());
        }
    }
}
