package dev.registry.nats;

import dev.registry.TransportException;
import io.nats.client.Options;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * TLS of the connections opened from a URL. A URL that names a {@code tls://} server gets, as jnats would give
 * it, the JVM's default {@link SSLContext} (its trust store is {@code javax.net.ssl.trustStore}, or the JDK's
 * {@code cacerts}), and in addition the check jnats leaves out: that the server's certificate names the host
 * of the URL ({@link HostnameVerifyingContext}).
 */
final class UrlTls {

    /** The jnats schemes for which jnats itself would pick the JVM's default SSLContext. */
    private static final Set<String> TLS_SCHEMES = Set.of("tls", "wss");

    private UrlTls() {
    }

    /**
     * {@code builder} with the TLS settings {@code url} wants; unchanged when no server of {@code url} is a
     * TLS one (jnats then speaks TLS only if the server demands it, and refuses: "SSL required by server").
     *
     * @throws TransportException if the JVM's default SSLContext cannot be created (a trust store that does not
     *                            exist or cannot be read)
     */
    static Options.Builder applyTo(Options.Builder builder, String url) {
        if (!wantsTls(url)) {
            return builder;
        }
        SSLContext jvmDefault;
        try {
            jvmDefault = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new TransportException("the URL wants TLS, but the JVM's default SSLContext is unusable (check the"
                    + " javax.net.ssl.trustStore system properties): " + e.getMessage(), e);
        }
        // jnats resolves a host name itself and hands the TLS layer the address it dialled, so the certificate
        // would be checked against an IP address; with Happy Eyeballs it hands over the name of the URL
        return builder.sslContext(HostnameVerifyingContext.wrap(jvmDefault))
                .hostnameResolveMode(Options.HostnameResolveMode.HappyEyeballs);
    }

    /** Whether a server of the comma-separated list {@code url} is a TLS one. */
    static boolean wantsTls(String url) {
        for (String server : url.split(",")) {
            int end = server.indexOf("://");
            if (end > 0 && TLS_SCHEMES.contains(server.substring(0, end).trim().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
