package example.app;

import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.nats.MicroResponder;
import dev.registry.nats.MicroService;
import dev.registry.nats.NatsMicro;
import dev.registry.nats.NatsPubsub;
import java.time.Duration;
import java.util.TreeSet;

/**
 * Registers and finds a service over each bus URL given (NATS first), shows it to NATS micro discovery, then
 * tries to reach the library's internals.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        for (String url : args) {
            try (Registry owner = Registry.connect(url); Registry client = Registry.connect(url)) {
                owner.register(Service.builder("modular").address("127.0.0.1", 7001).build());
                Service found = client.findService("modular", Duration.ofSeconds(5)).orElseThrow();
                System.out.println(url.substring(0, url.indexOf(':')) + " found " + found.address());
            }
        }
        NatsPubsub bus = NatsPubsub.connect(args[0]);
        try (Registry owner = Registry.connect(bus); MicroResponder responder = NatsMicro.expose(owner, bus)) {
            owner.register(Service.builder("modular").address("127.0.0.1", 7001).build());
            System.out.println("nats micro " + NatsMicro.discover(bus, Duration.ofSeconds(1)).stream()
                    .map(MicroService::name).toList());
        }
        Module core = Registry.class.getModule();
        System.out.println(core.getName() + " exports " + new TreeSet<>(core.getDescriptor().exports().stream()
                .map(exported -> exported.source()).toList()));
        try {
            Class.forName("dev.registry.internal.DefaultRegistry").getConstructors()[0].setAccessible(true);
            System.out.println("reflection reached dev.registry.internal");
        } catch (RuntimeException denied) {
            System.out.println("reflection denied: " + denied.getClass().getSimpleName());
        }
    }
}
