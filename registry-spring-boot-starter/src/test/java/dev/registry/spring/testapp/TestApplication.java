package dev.registry.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** A web application with nothing but the starter: it answers /hello and calls services by name. */
@SpringBootApplication
@RestController
public class TestApplication {

    private final Environment environment;

    TestApplication(Environment environment) {
        this.environment = environment;
    }

    @GetMapping("/hello")
    String hello() {
        return "hello from " + environment.getProperty("spring.application.name") + ":"
                + environment.getProperty("local.server.port");
    }

    /** Calls through it address services by name: {@code http://orders/hello}. */
    @Bean
    @LoadBalanced
    RestClient.Builder loadBalancedRestClientBuilder() {
        return RestClient.builder();
    }
}
