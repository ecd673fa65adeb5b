package dev.registry.nats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.TransportException;
import dev.registry.tck.LocalServer;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nats-servers that accept TLS connections only, with self-signed certificates made for this run: a client that
 * trusts the certificate gets a working registry; a plain client, or one that does not trust the certificate,
 * is refused at once with a message that says why; a {@code tls://} URL uses the JVM's trust store and checks
 * that the certificate names the host of the URL.
 */
class NatsTlsTest {

    /** How fast a refusal must come: one attempt per server, no retries. */
    private static final Duration FAST = Duration.ofSeconds(5);

    private static final Duration CHILD_RUN = Duration.ofSeconds(60);

    @TempDir
    static Path directory;

    /** Names 127.0.0.1 and localhost. */
    private static SelfSignedCertificate certificate;
    /** Names localhost only. */
    private static SelfSignedCertificate localhostOnly;
    private static LocalServer server;
    private static LocalServer localhostOnlyServer;

    @BeforeAll
    static void startServers() {
        certificate = SelfSignedCertificate.create(directory, "localhost", "IP:127.0.0.1,DNS:localhost");
        localhostOnly = SelfSignedCertificate.create(directory, "localhost-only", "DNS:localhost");
        server = NatsServer.start(certificate.serverArguments());
        localhostOnlyServer = NatsServer.start(localhostOnly.serverArguments());
    }

    @AfterAll
    static void stopServers() {
        server.close();
        localhostOnlyServer.close();
    }

    @Test
    void registriesSeeEachOtherOverTlsWithAnSslContextThatTrustsTheCertificate() {
        RegistryOptions options = registryOptions();
        try (Registry owner = Registry.connect(NatsPubsub.connect(tlsOptions(certificate.trustingContext())), options);
             Registry client = Registry.connect(NatsPubsub.connect(tlsOptions(certificate.trustingContext())), options)) {
            owner.register(Service.builder("secure").address("127.0.0.1:8443").build());

            assertEquals("127.0.0.1:8443", client.getService("secure").address());
        }
    }

    @Test
    void aPlainClientIsRefusedFastAndToldToUseTls() {
        String url = NatsServer.url(server);

        TransportException thrown = assertTimeoutPreemptively(FAST,
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(url)));

        String message = thrown.getMessage();
        assertTrue(message.contains(url), message);
        assertTrue(message.contains("SSL required by server"), message);
        assertTrue(message.contains("use a tls:// URL"), message);
    }

    @Test
    void aTlsUrlIsRefusedFastWhenTheJvmTrustStoreLacksTheCertificate() {
        String url = "tls://127.0.0.1:" + server.port();

        TransportException thrown = assertTimeoutPreemptively(FAST,
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(url)));

        String message = thrown.getMessage();
        assertTrue(message.contains(url), message);
        assertTrue(message.contains("unable to find valid certification path"), message);
        assertTrue(message.contains("javax.net.ssl.trustStore"), message);
    }

    @Test
    void anSslContextThatTrustsAnotherCertificateIsRefusedFast() {
        Options trustingTheOther = tlsOptions(localhostOnly.trustingContext());

        TransportException thrown = assertTimeoutPreemptively(FAST,
                () -> assertThrows(TransportException.class, () -> NatsPubsub.connect(trustingTheOther)));

        String message = thrown.getMessage();
        assertTrue(message.contains("tls://127.0.0.1:" + server.port()), message);
        assertTrue(message.contains("SSLContext of the Options trusts its certificate"), message);
    }

    @Test
    void aTlsUrlTrustsTheJvmTrustStoreAndChecksTheHostName() throws Exception {
        char[] password = "changeit".toCharArray();
        Path trustStore = SelfSignedCertificate.writeTrustStore(directory.resolve("trust.p12"), password,
                List.of(certificate, localhostOnly));
        String byAddress = "tls://127.0.0.1:" + server.port();
        String byName = "tls://localhost:" + localhostOnlyServer.port();
        String addressNotNamed = "tls://127.0.0.1:" + localhostOnlyServer.port();
        Path output = directory.resolve("tls-url-client.out");

        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + new String(password),
                "-Djavax.net.ssl.trustStoreType=PKCS12", "-cp", System.getProperty("java.class.path"),
                TlsUrlClient.class.getName(), mainTopic(), byAddress, byName, addressNotNamed)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(CHILD_RUN.toMillis(), TimeUnit.MILLISECONDS);
        child.destroyForcibly();

        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(ended, "the child ended; its output: " + lines);
        assertTrue(lines.contains("FOUND " + byAddress + " 127.0.0.1:1"), lines.toString());
        assertTrue(lines.contains("FOUND " + byName + " 127.0.0.1:2"), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("REFUSED " + addressNotNamed)
                && line.contains("No subject alternative names matching IP address 127.0.0.1 found")), lines.toString());
    }

    private static Options tlsOptions(SSLContext context) {
        return new Options.Builder().server("tls://127.0.0.1:" + server.port()).sslContext(context).build();
    }

    private static RegistryOptions registryOptions() {
        return RegistryOptions.builder().mainTopic(mainTopic()).lookupTimeout(Duration.ofSeconds(2)).build();
    }

    private static String mainTopic() {
        return "tls" + UUID.randomUUID().toString().replace("-", "");
    }
}
