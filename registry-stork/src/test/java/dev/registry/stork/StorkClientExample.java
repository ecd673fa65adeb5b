package dev.registry.stork;

import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceInstance;
import java.time.Duration;

/**
 * The README's Stork client: configured only by {@code stork.greeter.service-discovery.*} properties (system
 * properties here, {@code application.properties} in Quarkus), it selects a greeter instance {@code args[0]} times,
 * round-robin, and prints each one.
 */
public final class StorkClientExample {

    private StorkClientExample() {
    }

    /** Selects a greeter instance {@code args[0]} times; Stork's configuration comes from the properties. */
    public static void main(String[] args) {
        Stork.initialize();
        try {
            Service greeter = Stork.getInstance().getService("greeter");
            for (int i = 0; i < Integer.parseInt(args[0]); i++) {
                ServiceInstance instance = greeter.selectInstance().await().atMost(Duration.ofSeconds(5));
                System.out.println("selected " + instance.getHost() + ":" + instance.getPort());
            }
        } finally {
            Stork.shutdown();
            StorkRegistries.closeAll();
        }
    }
}
