package dev.registry.nats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed server certificate and its key, made by {@code openssl} for one test run (valid one day), and
 * the client side's trust in it: an {@link SSLContext}, or a PKCS12 trust store file for a JVM's
 * {@code javax.net.ssl.trustStore}.
 */
final class SelfSignedCertificate {

    private static final long OPENSSL_TIMEOUT_SECONDS = 30;

    private final Path certificate;
    private final Path key;

    private SelfSignedCertificate(Path certificate, Path key) {
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * A certificate for {@code commonName} whose subject alternative names are {@code subjectAltName} (openssl's
     * syntax: {@code IP:127.0.0.1,DNS:localhost}), written with its key to {@code directory}.
     */
    static SelfSignedCertificate create(Path directory, String commonName, String subjectAltName) {
        Path certificate = directory.resolve(commonName + "-cert.pem");
        Path key = directory.resolve(commonName + "-key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=" + commonName, "-addext", "subjectAltName=" + subjectAltName,
                "-keyout", key.toString(), "-out", certificate.toString()));
        return new SelfSignedCertificate(certificate, key);
    }

    /** nats-server's flags to serve TLS, and only TLS, with this certificate. */
    String[] serverArguments() {
        return new String[] {"--tls", "--tlscert", certificate.toString(), "--tlskey", key.toString()};
    }

    /** A client context that trusts this certificate and nothing else. */
    SSLContext trustingContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(List.of(this)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an SSLContext trusting " + certificate, e);
        }
    }

    /** Writes a PKCS12 trust store of {@code certificates} to {@code file}, protected by {@code password}. */
    static Path writeTrustStore(Path file, char[] password, List<SelfSignedCertificate> certificates) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore(certificates).store(out, password);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    private static KeyStore trustStore(List<SelfSignedCertificate> certificates) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (SelfSignedCertificate each : certificates) {
                store.setCertificateEntry(each.certificate.getFileName().toString(), each.read());
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Certificate read() throws GeneralSecurityException, IOException {
        try (InputStream in = Files.newInputStream(certificate)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(OPENSSL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }
}
