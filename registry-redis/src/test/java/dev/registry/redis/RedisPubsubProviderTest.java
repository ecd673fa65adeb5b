package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Addresses;
import dev.registry.Registry;
import dev.registry.TransportException;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** URL handling of the provider; nothing here needs a server. */
class RedisPubsubProviderTest {

    @Test
    void handlesLettuceSchemesAndTheClusterSchemes() {
        assertEquals(Set.of("redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-cluster", "rediss-cluster"),
                new RedisPubsubProvider().schemes());
    }

    @Test
    void passwordsAreMaskedForMessages() {
        assertEquals("redis://alice:***@h:1/2?timeout=5s",
                RedisUrl.parse(URI.create("redis://alice:secret@h:1/2?timeout=5s")).redacted());
        assertEquals("redis://***@h:6379", RedisUrl.parse(URI.create("redis://secret@h:6379")).redacted());
        assertEquals("redis-sentinel://:***@h1:26379,h2:26380#mymaster",
                RedisUrl.parse(URI.create("redis-sentinel://:pw@h1:26379,h2:26380#mymaster")).redacted());
        assertEquals("redis://h:1", RedisUrl.parse(URI.create("redis://h:1")).redacted());
    }

    @Test
    void standaloneAndSentinelUrlsAreLettuces() {
        RedisUrl sentinel = RedisUrl.parse(URI.create("redis-sentinel://h1:26379,h2:26380#mymaster"));
        assertFalse(sentinel.isCluster());
        RedisURI uri = sentinel.uris().get(0);
        assertEquals("mymaster", uri.getSentinelMasterId());
        assertEquals(2, uri.getSentinels().size());
        assertTrue(RedisUrl.parse(URI.create("rediss://h:6380")).uris().get(0).isSsl());
    }

    @Test
    void aClusterUrlBecomesOneSeedPerNodeWithTheCredentialsAndOptions() {
        RedisUrl url = RedisUrl.parse(URI.create("redis-cluster://u:p@127.0.0.1:7000,127.0.0.2:7001?timeout=3s"));
        assertTrue(url.isCluster());
        List<RedisURI> seeds = url.uris();
        assertEquals(2, seeds.size());
        assertEquals("127.0.0.2", seeds.get(1).getHost());
        assertEquals(7001, seeds.get(1).getPort());
        RedisCredentials credentials = seeds.get(1).getCredentialsProvider().resolveCredentials().block();
        assertEquals("u", credentials.getUsername());
        assertEquals("p", new String(credentials.getPassword()));
        assertEquals(Duration.ofSeconds(3), seeds.get(1).getTimeout());
        assertFalse(seeds.get(0).isSsl());
        assertTrue(RedisUrl.parse(URI.create("rediss-cluster://h:7000")).uris().get(0).isSsl());
        assertEquals("redis-cluster://u:***@127.0.0.1:7000,127.0.0.2:7001?timeout=3s", url.redacted());
    }

    @Test
    void malformedUrlsAreRejectedWithoutTheirPassword() {
        for (String bad : List.of("redis-cluster://u:pw@h:1,,h:2", "redis-cluster://u:pw@h:1/0", "redis-cluster://u:pw@h:1#m",
                "redis-cluster://u:pw@h:1,h:x", "redis://u:pw@h:notaport", "rediss://u:pw@h:1:2")) {
            IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                    () -> new RedisPubsubProvider().connect(URI.create(bad)), bad);
            assertFalse(failed.getMessage().contains("pw@"), failed.getMessage());
            assertTrue(failed.getMessage().contains("u:***@h:"), failed.getMessage());
        }
    }

    @Test
    void registryConnectFindsThisProviderForEveryScheme() {
        int port = Addresses.freePort();
        for (String url : List.of("redis://127.0.0.1:" + port, "redis-sentinel://127.0.0.1:" + port + "#mymaster",
                "redis-cluster://127.0.0.1:" + port)) {
            assertThrows(TransportException.class, () -> Registry.connect(url), url);
        }
    }
}
