package dev.registry.redis;

import java.util.Objects;

/**
 * How one SPI topic maps onto Redis pub/sub. An exact topic is a channel name, byte for byte (docs/PROTOCOL.md),
 * subscribed with SUBSCRIBE. A topic ending in the single-token wildcard {@code .*} becomes a PSUBSCRIBE glob;
 * since a Redis {@code *} also matches dots, {@link #matches} drops channels with a further token, so the
 * wildcard means what it means on NATS. Immutable.
 */
final class TopicFilter {

    private static final String GLOB_SPECIALS = "\\*?[]";

    private final String redisName;
    private final String wildcardPrefix;

    private TopicFilter(String redisName, String wildcardPrefix) {
        this.redisName = redisName;
        this.wildcardPrefix = wildcardPrefix;
    }

    static TopicFilter of(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("topic must not be empty");
        }
        if (topic.equals("*") || topic.endsWith(".*")) {
            String prefix = topic.substring(0, topic.length() - 1);
            return new TopicFilter(escapeGlob(prefix) + "*", prefix);
        }
        return new TopicFilter(topic, null);
    }

    /** The channel name (exact topic) or the glob pattern (wildcard topic) to subscribe to. */
    String redisName() {
        return redisName;
    }

    boolean isPattern() {
        return wildcardPrefix != null;
    }

    /** Whether a message on {@code channel} belongs to this filter; always true for an exact channel's own messages. */
    boolean matches(String channel) {
        if (wildcardPrefix == null) {
            return redisName.equals(channel);
        }
        return channel.length() > wildcardPrefix.length() && channel.startsWith(wildcardPrefix)
                && channel.indexOf('.', wildcardPrefix.length()) < 0;
    }

    /** Escapes glob characters so that the prefix of a pattern matches only itself. */
    private static String escapeGlob(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (GLOB_SPECIALS.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
