package dev.registry.nats;

import java.util.List;
import java.util.Optional;

/**
 * One discovery request of NATS micro, read from its subject: {@code $SRV.<VERB>}, {@code $SRV.<VERB>.<name>} or
 * {@code $SRV.<VERB>.<name>.<id>}, the verb {@code PING}, {@code INFO} or {@code STATS}. Immutable.
 *
 * @param verb what is asked
 * @param name the service name asked for, or null for every service
 * @param id the instance asked for, or null for every instance of the name (always null without a name)
 */
record MicroRequest(Verb verb, String name, String id) {

    /** The subject prefix of every discovery request. */
    static final String PREFIX = "$SRV";

    /**
     * The subscriptions that receive every request form, for every verb: one per token count. A subject of another
     * verb reaches them too, and {@link #parse} ignores it.
     */
    static final List<String> SUBJECTS = List.of(PREFIX + ".*", PREFIX + ".*.*", PREFIX + ".*.*.*");

    /** The discovery verbs, each with the type of its response. */
    enum Verb {
        PING("io.nats.micro.v1.ping_response"),
        INFO("io.nats.micro.v1.info_response"),
        STATS("io.nats.micro.v1.stats_response");

        private final String responseType;

        Verb(String responseType) {
            this.responseType = responseType;
        }

        /** The {@code type} field of the response, such as {@code io.nats.micro.v1.ping_response}. */
        String responseType() {
            return responseType;
        }
    }

    /** The request {@code subject} makes, or empty when it is not a discovery request this responder knows. */
    static Optional<MicroRequest> parse(String subject) {
        String[] tokens = subject.split("\\.", -1);
        if (tokens.length < 2 || tokens.length > 4 || !tokens[0].equals(PREFIX)) {
            return Optional.empty();
        }
        Verb verb;
        try {
            verb = Verb.valueOf(tokens[1]);
        } catch (IllegalArgumentException otherVerb) {
            return Optional.empty();
        }
        return Optional.of(new MicroRequest(verb, tokens.length > 2 ? tokens[2] : null, tokens.length > 3 ? tokens[3] : null));
    }

    /** Whether the instance {@code name}/{@code id} is one this request asks for. */
    boolean matches(String name, String id) {
        return (this.name == null || this.name.equals(name)) && (this.id == null || this.id.equals(id));
    }
}
