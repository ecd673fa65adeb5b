package dev.registry.examples.spring.caller;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Calls the greeter by name: {@code GET /call?name=Ada} calls {@code http://greeter/hello?name=Ada} through a
 * {@code @LoadBalanced} {@link RestClient}, so each call goes to one of the greeters the registry knows now,
 * round-robin; a greeter that starts or stops changes the choice in the time the bus carries the news.
 *
 * <pre>{@code
 * REGISTRY_URL=nats://127.0.0.1:4222 java -cp ... dev.registry.examples.spring.caller.CallerApplication --server.port=8080
 * curl 'http://127.0.0.1:8080/call?name=Ada'
 * }</pre>
 */
@SpringBootApplication
@RestController
public class CallerApplication {

    private final RestClient greeter;

    CallerApplication(@LoadBalanced RestClient.Builder loadBalanced) {
        this.greeter = loadBalanced.baseUrl("http://greeter").build();
    }

    /** Starts the caller; arguments are Spring Boot's ({@code --server.port=8080}). */
    public static void main(String[] args) {
        new SpringApplicationBuilder(CallerApplication.class)
                .properties("spring.application.name=caller", "server.port=0",
                        "management.endpoints.web.exposure.include=health,metrics,serviceregistry",
                        "spring.mvc.servlet.load-on-startup=1")
                .run(args);
    }

    /** The client that resolves {@code http://greeter/} through the registry. */
    @Bean
    @LoadBalanced
    static RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }

    @GetMapping("/call")
    String call(@RequestParam(name = "name", defaultValue = "world") String name) {
        return greeter.get().uri("/hello?name={name}", name).retrieve().body(String.class);
    }
}
