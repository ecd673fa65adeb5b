package dev.registry.nats;

import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.Service;
import java.io.IOException;
import java.io.InputStream;

/**
 * The other process of {@link CrossJvmTest}: registers one service over NATS, prints {@code READY}, and
 * keeps it registered until its standard input ends, then closes the registry (which unregisters it).
 *
 * <p>Arguments: NATS URL, main topic, service name, address.
 */
public final class RegisterAndWait {

    private RegisterAndWait() {
    }

    public static void main(String[] args) throws IOException {
        RegistryOptions options = RegistryOptions.builder().mainTopic(args[1]).build();
        try (Registry registry = Registry.connect(args[0], options)) {
            registry.register(Service.builder(args[2]).address(args[3]).version("1.2.3").kv("jvm", "child").build());
            System.out.println("READY");
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // nothing to read: the parent only closes the stream to say "stop"
            }
        }
    }
}
