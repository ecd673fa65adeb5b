package dev.registry.spring;

import dev.registry.Registry;
import dev.registry.Service;
import dev.registry.Subscription;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Spring Cloud LoadBalancer's instance list for one service, pushed by {@link Registry#watch}: the passing
 * instances, replaced the moment the registry hears of a change (a new instance, an unregistration, an
 * expiry, a status change), with no polling and no cache period. The flux replays the latest list to each
 * subscriber, and emits every later one; the first subscriber waits for the watch's first list (at most the
 * registry's lookup timeout on a cold name). The watch starts with the first {@link #get()} and stops when the
 * load balancer's context for the service closes.
 *
 * <p>Thread-safe: lists are emitted on the registry's listener thread, one at a time, in order, each logged at
 * debug level.
 */
public final class RegistryServiceInstanceListSupplier implements ServiceInstanceListSupplier, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RegistryServiceInstanceListSupplier.class);

    private final Registry registry;
    private final String serviceId;
    private final Sinks.Many<List<ServiceInstance>> lists = Sinks.many().replay().latest();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Subscription watch;

    /** The instance lists of {@code serviceId} on {@code registry}. */
    public RegistryServiceInstanceListSupplier(Registry registry, String serviceId) {
        this.registry = registry;
        this.serviceId = serviceId;
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    /** The latest list, then every change; a name that is not a valid service name has none. */
    @Override
    public Flux<List<ServiceInstance>> get() {
        if (started.compareAndSet(false, true)) {
            if (ServiceNames.isValid(serviceId)) {
                watch = registry.watch(serviceId, this::emit);
            } else {
                lists.tryEmitNext(List.of());
            }
        }
        return lists.asFlux();
    }

    private void emit(List<Service> services) {
        log.debug("{}: {} passing instance(s) {}", serviceId, services.size(),
                services.stream().map(Service::address).toList());
        lists.tryEmitNext(services.stream().<ServiceInstance>map(RegistryServiceInstance::of).toList());
    }

    /** Stops the watch and completes the flux. */
    @Override
    public void destroy() {
        Subscription current = watch;
        if (current != null) {
            current.close();
        }
        lists.tryEmitComplete();
    }
}
