package dev.registry.nats;

import dev.registry.TransportException;
import dev.registry.spi.Redaction;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Opens the connections a {@link NatsPubsub} owns: builds the default options for a URL, connects once
 * (jnats tries each server of the list one time and does not retry the initial connect), and turns a
 * failure into a {@link TransportException} that names the servers, without their passwords or tokens.
 */
final class Connector {

    /** Name the server shows for the connections this module opens from a URL. */
    static final String CONNECTION_NAME = "registry";

    /** Wait between two reconnect attempts to the same server: 2 s, the default of the NATS clients (Go, Java). */
    static final Duration RECONNECT_WAIT = Duration.ofSeconds(2);

    private Connector() {
    }

    /**
     * The options of a connection opened from {@code url}: reconnect forever, every {@link #RECONNECT_WAIT},
     * named {@value #CONNECTION_NAME}, with {@link UrlTls}'s settings when the URL wants TLS; the rest are
     * jnats' defaults.
     *
     * @throws IllegalArgumentException if jnats cannot parse {@code url}
     * @throws TransportException       if the URL wants TLS and the JVM's default SSLContext is unusable
     */
    static Options.Builder optionsFor(String url) {
        return UrlTls.applyTo(new Options.Builder().server(url).maxReconnects(-1).reconnectWait(RECONNECT_WAIT)
                .connectionName(CONNECTION_NAME), url);
    }

    /**
     * Connects with {@code builder}'s options on {@code threads}, logging jnats' errors through SLF4J. If it
     * fails, {@code threads} are stopped.
     *
     * @throws TransportException if no server accepted the connection; the message says the last error
     *                            jnats reported (such as "Connection refused")
     */
    static Connection connect(Options.Builder builder, ConnectionThreads threads) {
        Slf4jErrorListener errors = new Slf4jErrorListener();
        Options options = null;
        try {
            options = threads.applyTo(builder).errorListener(errors).build();
            return Nats.connect(options);
        } catch (IOException | InterruptedException e) {
            threads.shutdown(); // first: after it, the error listener has heard every error of the attempt
            throw failure(options, e, errors.lastException());
        } catch (RuntimeException e) {
            threads.shutdown();
            throw e;
        }
    }

    /**
     * Connects with {@code options} as they are.
     *
     * @throws TransportException if no server accepted the connection
     */
    static Connection connect(Options options) {
        try {
            return Nats.connect(options);
        } catch (IOException | InterruptedException e) {
            throw failure(options, e, null);
        }
    }

    /** The servers of {@code options}, as URLs without the password or token they may carry. */
    static String describe(List<URI> servers) {
        return servers.stream().map(Redaction::redact).collect(Collectors.joining(","));
    }

    /** @param lastError the last error jnats reported during the attempt, or null when unknown */
    private static TransportException failure(Options options, Exception thrown, Exception lastError) {
        String servers = "cannot connect to NATS at " + describe(options.getServers()) + ": ";
        if (thrown instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new TransportException(servers + "interrupted", thrown);
        }
        if (thrown instanceof AuthenticationException) {
            return new TransportException(servers + "authentication failed (" + thrown.getMessage() + ")"
                    + "; check the credentials of the URL or Options", thrown);
        }
        // jnats' own message lists the server URLs with their credentials: keep it out of the message and chain
        Throwable reason = unwrap(lastError);
        return new TransportException(servers + "no server accepted the connection"
                + (reason == null ? "" : ", last error: " + reason) + advice(reason, options), reason);
    }

    /**
     * What to check, given the last error of a failed connect: known for a connection opened from a URL, null
     * for one opened from the caller's Options, whose ErrorListener jnats told instead.
     */
    private static String advice(Throwable reason, Options options) {
        if (reason == null) {
            return "; check that a nats-server listens there"
                    + (options.isTLSRequired() ? " and that the SSLContext of the Options trusts its certificate" : "")
                    + " (jnats told the connection's ErrorListener why)";
        }
        if (reason instanceof SSLException) {
            return "; check that this JVM's trust store (javax.net.ssl.trustStore) holds the server's certificate or"
                    + " its CA, and that the certificate names the host of the URL";
        }
        String message = reason.getMessage() == null ? "" : reason.getMessage();
        if (message.startsWith("SSL required by server")) {
            return "; the server accepts TLS connections only: use a tls:// URL";
        }
        if (message.startsWith("SSL connection wanted by client")) {
            return "; the server does not speak TLS: use a nats:// URL";
        }
        return "; check that a nats-server listens there and that the URL's credentials are right";
    }

    /** The error itself: jnats wraps a failed handshake (TLS, INFO) in the ExecutionException of its task. */
    private static Throwable unwrap(Exception error) {
        return error instanceof ExecutionException && error.getCause() != null ? error.getCause() : error;
    }
}
