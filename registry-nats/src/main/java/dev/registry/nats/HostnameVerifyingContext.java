package dev.registry.nats;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} that checks, on every client connection, that the server's certificate names the host
 * the client dialled (the HTTPS rules: a DNS name or an IP address in the subject alternative names). jnats
 * only checks that the certificate chains to a trusted root, so without this any server holding any
 * certificate the trust store accepts could pose as the NATS server; with the JVM's default trust store, that
 * is anyone with a certificate from a public CA.
 *
 * <p>Everything else is the wrapped context's. Thread-safe as that context is.
 */
final class HostnameVerifyingContext {

    /** The algorithm of {@link SSLParameters#setEndpointIdentificationAlgorithm}: RFC 2818's host checks. */
    static final String ENDPOINT_IDENTIFICATION = "HTTPS";

    private HostnameVerifyingContext() {
    }

    /** {@code context}, with the host name of every client socket and engine checked against the certificate. */
    static SSLContext wrap(SSLContext context) {
        return new SSLContext(new Spi(context), context.getProvider(), context.getProtocol()) {
        };
    }

    /** {@code parameters} with the host name check switched on. */
    static SSLParameters verifying(SSLParameters parameters) {
        parameters.setEndpointIdentificationAlgorithm(ENDPOINT_IDENTIFICATION);
        return parameters;
    }

    private static final class Spi extends SSLContextSpi {

        private final SSLContext context;

        Spi(SSLContext context) {
            this.context = context;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) {
            throw new UnsupportedOperationException("the wrapped SSLContext is already initialized");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new HostnameVerifyingSocketFactory(context.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            // no peer host to check against: the handshake fails, which is right for a client that cannot say
            // whom it meant to reach
            return withCheck(context.createSSLEngine());
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return withCheck(context.createSSLEngine(host, port));
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return context.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return context.getSupportedSSLParameters();
        }

        private static SSLEngine withCheck(SSLEngine engine) {
            engine.setSSLParameters(verifying(engine.getSSLParameters()));
            return engine;
        }
    }
}
