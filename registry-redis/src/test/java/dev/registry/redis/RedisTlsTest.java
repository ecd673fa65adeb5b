package dev.registry.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A TLS-only redis-server with a self-signed certificate for 127.0.0.1 that the test makes with openssl. */
class RedisTlsTest {

    private static Path dir;
    private static LocalServer server;
    private final String prefix = "t" + UUID.randomUUID().toString().replace("-", "");

    @BeforeAll
    static void startTlsRedis() throws Exception {
        dir = Files.createTempDirectory("redis-tls");
        List<String> openssl = List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1");
        Process process = new ProcessBuilder(openssl).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(openssl + " failed: " + output);
        }
        server = LocalServer.start("redis-server", port -> List.of("--port", "0", "--tls-port", String.valueOf(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--tls-cert-file", dir.resolve("cert.pem").toString(), "--tls-key-file", dir.resolve("key.pem").toString(),
                "--tls-ca-cert-file", dir.resolve("cert.pem").toString(), "--tls-auth-clients", "no"));
    }

    @AfterAll
    static void stopRedis() throws IOException {
        server.close();
        Files.delete(dir.resolve("key.pem"));
        Files.delete(dir.resolve("cert.pem"));
        Files.delete(dir);
    }

    private RegistryOptions options() {
        return RegistryOptions.builder().mainTopic(prefix).lookupTimeout(Duration.ofSeconds(1)).build();
    }

    @Test
    void callersClientTrustingTheCertificateAndARedissUrlSeeEachOther() {
        RedisURI uri = RedisURI.builder().withHost("127.0.0.1").withPort(server.port()).withSsl(true).build();
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .sslOptions(SslOptions.builder().trustManager(dir.resolve("cert.pem").toFile()).build()).build());
        try (Registry verified = Registry.connect(RedisPubsub.of(client), options());
                Registry unverified = Registry.connect("rediss://127.0.0.1:" + server.port() + "?verifyPeer=NONE", options())) {
            verified.register(Service.builder("orders").address("127.0.0.1:1").build());
            assertEquals("127.0.0.1:1", unverified.getService("orders").address());
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        assertThrows(TransportException.class, () -> Registry.connect("rediss://127.0.0.1:" + server.port(), options()));
    }

    @Test
    void plainTextToATlsPortFails() {
        assertThrows(TransportException.class, () -> Registry.connect("redis://127.0.0.1:" + server.port()
                + "?timeout=2s", options()));
    }
}
