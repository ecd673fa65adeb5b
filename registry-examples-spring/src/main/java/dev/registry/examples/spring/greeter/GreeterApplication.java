package dev.registry.examples.spring.greeter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A greeter service: {@code GET /hello?name=Ada} answers {@code Hello, Ada, from greeter one}. With the starter on
 * its class path it registers itself as {@code greeter} once it listens (on a free port unless
 * {@code --server.port} says otherwise), and unregisters on SIGTERM before it stops serving. The bus comes from
 * {@code REGISTRY_URL} or {@code --registry.url}.
 *
 * <pre>{@code
 * REGISTRY_URL=nats://127.0.0.1:4222 java -cp ... dev.registry.examples.spring.greeter.GreeterApplication --greeter.id=one
 * }</pre>
 */
@SpringBootApplication
@RestController
public class GreeterApplication {

    private static final Logger log = LoggerFactory.getLogger(GreeterApplication.class);

    private final String id;

    GreeterApplication(@Value("${greeter.id}") String id) {
        this.id = id;
    }

    /** Starts a greeter; arguments are Spring Boot's ({@code --greeter.id=one}, {@code --server.port=8081}). */
    public static void main(String[] args) {
        new SpringApplicationBuilder(GreeterApplication.class)
                .properties("spring.application.name=greeter", "server.port=0", "greeter.id=${random.value}",
                        "management.endpoints.web.exposure.include=health,metrics,serviceregistry",
                        "spring.mvc.servlet.load-on-startup=1")
                .run(args);
    }

    @GetMapping("/hello")
    String hello(@RequestParam(name = "name", defaultValue = "world") String name) {
        return "Hello, " + name + ", from greeter " + id;
    }

    @EventListener
    void registered(InstanceRegisteredEvent<?> event) {
        log.info("Greeter {} registered and serving", id);
    }
}
