package dev.registry.redis;

import dev.registry.spi.Redaction;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bus URL handled by {@link RedisPubsubProvider}, parsed into Lettuce's {@link RedisURI}s, with a form safe
 * to print (password replaced by {@code ***}). Lettuce's own schemes go to Lettuce's parser unchanged; the
 * cluster schemes, which Lettuce does not know, are split into one seed URI per node. Immutable.
 */
final class RedisUrl {

    private final String redacted;
    private final boolean cluster;
    private final List<RedisURI> uris;

    private RedisUrl(String redacted, boolean cluster, List<RedisURI> uris) {
        this.redacted = redacted;
        this.cluster = cluster;
        this.uris = List.copyOf(uris);
    }

    /**
     * Parses {@code uri}, whose scheme is one of {@link RedisPubsubProvider#schemes()}.
     *
     * @throws IllegalArgumentException naming the redacted URL if it is malformed
     */
    static RedisUrl parse(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String redacted = Redaction.redact(uri);
        try {
            if (scheme.endsWith("-cluster")) {
                return new RedisUrl(redacted, true, clusterSeeds(uri, scheme.startsWith("rediss") ? "rediss" : "redis"));
            }
            if (!scheme.endsWith("-sentinel") && uri.getHost() == null) {
                throw new IllegalArgumentException("no host, or a port that is not a number");
            }
            return new RedisUrl(redacted, false, List.of(RedisURI.create(uri.toString())));
        } catch (IllegalArgumentException malformed) {
            // Lettuce's message may quote the URL with its password, so it is not passed on
            throw new IllegalArgumentException("'" + redacted + "' is not a valid Redis URL; expected e.g."
                    + " redis://[user:password@]host:6379, redis-sentinel://host:26379#mymaster or"
                    + " redis-cluster://host:7000,host:7001");
        }
    }

    /** The URL with its password replaced by {@code ***}, for messages and logs. */
    String redacted() {
        return redacted;
    }

    /** Whether this names a Redis Cluster, whose nodes are {@link #uris()}. */
    boolean isCluster() {
        return cluster;
    }

    /** One URI for a standalone or Sentinel URL; the seed nodes of a cluster URL. */
    List<RedisURI> uris() {
        return uris;
    }

    /** {@code redis-cluster://[user:password@]h1:p1,h2:p2[?options]} as {@code redis://[user:password@]h1:p1[?options]}, ... */
    private static List<RedisURI> clusterSeeds(URI uri, String nodeScheme) {
        String authority = uri.getRawAuthority();
        if (authority == null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a cluster URL names seed nodes only");
        }
        int at = authority.lastIndexOf('@');
        String credentials = at < 0 ? "" : authority.substring(0, at + 1);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        List<RedisURI> seeds = new ArrayList<>();
        for (String node : authority.substring(at + 1).split(",", -1)) {
            if (node.isBlank()) {
                throw new IllegalArgumentException("empty seed node");
            }
            URI seed = URI.create(nodeScheme + "://" + credentials + node + query);
            if (seed.getHost() == null) {
                throw new IllegalArgumentException("seed node without host, or with a port that is not a number");
            }
            seeds.add(RedisURI.create(seed));
        }
        return seeds;
    }
}
