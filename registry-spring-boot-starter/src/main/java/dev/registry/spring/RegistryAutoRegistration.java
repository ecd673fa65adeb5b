package dev.registry.spring;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.discovery.event.InstancePreRegisteredEvent;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Registers the application once its web server listens, and unregisters it at shutdown before the web server
 * stops accepting requests. It is a {@link SmartLifecycle} in the phase between the web server's start
 * ({@link WebServerApplicationContext#START_STOP_LIFECYCLE_PHASE}, earlier) and its graceful shutdown
 * ({@link WebServerApplicationContext#GRACEFUL_SHUTDOWN_PHASE}, which stops after this phase), so: the web server
 * listens, then the instance is registered (with the server's port unless one is configured), and
 * {@link InstancePreRegisteredEvent} and {@link InstanceRegisteredEvent} are published; at shutdown the instance
 * is unregistered (callers drop it in the time the bus carries the message), the web server keeps accepting for
 * the drain delay (for callers that chose this instance just before), then its graceful shutdown finishes the
 * requests in flight. Spring Cloud's {@code AbstractAutoServiceRegistration} unregisters only when its bean is
 * destroyed, after the web server has stopped, which is why this is a lifecycle of its own.
 *
 * <p>An application without a web server and without a configured port is not registered. Start and stop run
 * on the thread that starts or closes the context; the drain delay waits on a timer, not on that thread.
 */
public class RegistryAutoRegistration implements SmartLifecycle, AutoServiceRegistration {

    /** The lifecycle phase: after the web server starts, before its graceful shutdown. */
    public static final int PHASE = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 512;

    private static final Logger log = LoggerFactory.getLogger(RegistryAutoRegistration.class);

    private final ApplicationContext context;
    private final RegistryServiceRegistry serviceRegistry;
    private final RegistryRegistration registration;
    private final Duration drainDelay;
    private volatile boolean running;

    /**
     * @param drainDelay how long the web server keeps accepting requests after the instance is unregistered
     */
    public RegistryAutoRegistration(ApplicationContext context, RegistryServiceRegistry serviceRegistry,
                                    RegistryRegistration registration, Duration drainDelay) {
        this.context = context;
        this.serviceRegistry = serviceRegistry;
        this.registration = registration;
        this.drainDelay = drainDelay;
    }

    @Override
    public void start() {
        if (running) {
            return;
        }
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            WebServer server = web.getWebServer();
            registration.listeningOn(server.getPort());
        }
        if (registration.getPort() <= 0) {
            log.info("Not registering {}: no web server and no registry.registration.port", registration.getServiceId());
            return;
        }
        context.publishEvent(new InstancePreRegisteredEvent(this, registration));
        serviceRegistry.register(registration);
        running = true;
        log.info("Registered {}", registration);
        context.publishEvent(new InstanceRegisteredEvent<>(this, registration));
    }

    /** Unregisters at once, without the drain delay. */
    @Override
    public void stop() {
        unregister();
    }

    /** Unregisters, then lets the context go on to stop the web server once the drain delay has passed. */
    @Override
    public void stop(Runnable callback) {
        if (unregister() && !drainDelay.isZero()) {
            CompletableFuture.delayedExecutor(drainDelay.toNanos(), TimeUnit.NANOSECONDS).execute(callback);
        } else {
            callback.run();
        }
    }

    private boolean unregister() {
        if (!running) {
            return false;
        }
        running = false;
        serviceRegistry.deregister(registration);
        log.info("Unregistered {}", registration.getServiceId());
        return true;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
