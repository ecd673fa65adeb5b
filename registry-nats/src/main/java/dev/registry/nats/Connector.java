package dev.registry.nats;

import dev.registry.spi.TransportException;
import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Opens the connections a {@link NatsPubsub} owns: builds the default options for a URL, connects once
 * (jnats tries each server of the list one time and does not retry the initial connect), and turns a
 * failure into a {@link TransportException} that names the servers, without their passwords or tokens.
 */
final class Connector {

    /** Name the server shows for the connections this module opens (and prefix of their jnats threads). */
    static final String CONNECTION_NAME = "registry";

    /** Wait between two reconnect attempts to the same server: 2 s, the default of the NATS clients (Go, Java). */
    static final Duration RECONNECT_WAIT = Duration.ofSeconds(2);

    private Connector() {
    }

    /**
     * The options of a connection opened from {@code url}: reconnect forever, every {@link #RECONNECT_WAIT},
     * named {@value #CONNECTION_NAME}, errors logged through SLF4J; the rest are jnats' defaults.
     *
     * @throws IllegalArgumentException if jnats cannot parse {@code url}
     */
    static Options optionsFor(String url, Slf4jErrorListener errors) {
        return new Options.Builder().server(url).maxReconnects(-1).reconnectWait(RECONNECT_WAIT)
                .connectionName(CONNECTION_NAME).errorListener(errors).build();
    }

    /**
     * Connects with {@code options}.
     *
     * @param errors the error listener of {@code options} when this module set it, else null; it may know
     *               the reason behind jnats' "unable to connect"
     * @throws TransportException if no server accepted the connection
     */
    static Connection connect(Options options, Slf4jErrorListener errors) {
        try {
            return Nats.connect(options);
        } catch (AuthenticationException e) {
            throw failure(options, "authentication failed (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            Exception reason = errors == null ? null : errors.lastException();
            String detail = reason == null ? "no server accepted the connection"
                    : "no server accepted the connection, last error: " + reason;
            // jnats' message lists the server URLs with their credentials: keep it out of the chain
            throw failure(options, detail, reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(options, "interrupted while connecting", e);
        }
    }

    /** The servers of {@code options}, as URLs without the password or token they may carry. */
    static String describe(List<URI> servers) {
        return servers.stream().map(Connector::redact).collect(Collectors.joining(","));
    }

    private static TransportException failure(Options options, String reason, Throwable cause) {
        return new TransportException("cannot connect to NATS at " + describe(options.getServers()) + ": " + reason
                + "; check that a nats-server listens there and that the URL's credentials are right", cause);
    }

    private static String redact(URI server) {
        String userInfo = server.getRawUserInfo();
        if (userInfo == null) {
            return server.toString();
        }
        int colon = userInfo.indexOf(':');
        // user:password keeps the user; a bare user info is a token, all secret
        String shown = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
        return server.toString().replace(userInfo + "@", shown + "@");
    }
}
