package dev.registry.examples;

import dev.registry.Service;
import java.util.List;

/**
 * Example: a quick script on the process-wide default registry ({@link GlobalRegistry}), Go style: no registry
 * to create or pass around, {@code REGISTRY_URL} says where the bus is. Prints every instance of each name
 * given, one a line ({@code name address status url}); exits with 1 if a name has none.
 *
 * <pre>
 *   REGISTRY_URL=nats://127.0.0.1:4222 java -cp registry-examples.jar dev.registry.examples.QuickScript greeter
 * </pre>
 */
public final class QuickScript {

    private QuickScript() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: QuickScript NAME... (the bus and options come from REGISTRY_URL and the other"
                    + " REGISTRY_* variables)");
            System.exit(2);
        }
        int missing = 0;
        try {
            for (String name : args) {
                List<Service> instances = GlobalRegistry.getServices(name);
                if (instances.isEmpty()) {
                    System.out.println(name + " - none");
                    missing++;
                }
                instances.forEach(instance -> System.out.println(name + " " + instance.address() + " "
                        + instance.status().wireName() + " " + instance.url()));
            }
        } finally {
            GlobalRegistry.close();
        }
        System.exit(missing == 0 ? 0 : 1);
    }
}
