package dev.registry.nats;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The socket factory of {@link HostnameVerifyingContext}: every client socket it creates checks the server's
 * certificate against the host it was created for. jnats uses {@link #createSocket(Socket, String, int, boolean)}
 * (TLS over the socket it connected itself); the others check the same way for anyone else.
 */
final class HostnameVerifyingSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory factory;

    HostnameVerifyingSocketFactory(SSLSocketFactory factory) {
        this.factory = factory;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return verifying(factory.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return verifying(factory.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return verifying(factory.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return verifying(factory.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return verifying(factory.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return verifying(factory.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return factory.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return factory.getSupportedCipherSuites();
    }

    private static Socket verifying(Socket socket) {
        SSLSocket ssl = (SSLSocket) socket;
        ssl.setSSLParameters(HostnameVerifyingContext.verifying(ssl.getSSLParameters()));
        return ssl;
    }
}
