package dev.registry.nats;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import dev.registry.TransportException;
import java.time.Duration;

/**
 * The other process of {@link NatsTlsTest}, run with the JVM trust store set by system properties as a user
 * would set it: for each URL, a registry opened from it finds the service it registered, which takes a ping
 * and an answer through the server ({@code FOUND <url> <address>}), or the connection is refused
 * ({@code REFUSED <url> <message>}). One registry per URL: closing a TLS connection costs jnats a second.
 *
 * <p>Arguments: main topic, then the URLs.
 */
public final class TlsUrlClient {

    private TlsUrlClient() {
    }

    public static void main(String[] args) {
        RegistryOptions options = RegistryOptions.builder().mainTopic(args[0]).lookupTimeout(Duration.ofSeconds(5)).build();
        for (int i = 1; i < args.length; i++) {
            String url = args[i];
            try (Registry registry = Registry.connect(url, options)) {
                registry.register(Service.builder("tls" + i).address("127.0.0.1:" + i).build());
                System.out.println("FOUND " + url + " " + registry.getService("tls" + i).address());
            } catch (TransportException e) {
                System.out.println("REFUSED " + url + " " + e.getMessage());
            }
        }
    }
}
