package dev.registry.spring;

import dev.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationAutoConfiguration;
import org.springframework.cloud.client.serviceregistry.ServiceRegistryAutoConfiguration;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The registry as Spring Cloud's {@code ServiceRegistry}, this application's {@code Registration}, and its
 * auto-registration (when Spring Boot's web server support is on the class path). Off with
 * {@code spring.cloud.service-registry.enabled=false}; auto-registration alone off with
 * {@code spring.cloud.service-registry.auto-registration.enabled=false}. Each bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = {RegistryAutoConfiguration.class, UtilAutoConfiguration.class},
        before = {ServiceRegistryAutoConfiguration.class, AutoServiceRegistrationAutoConfiguration.class})
@ConditionalOnBean(Registry.class)
@ConditionalOnProperty(name = "spring.cloud.service-registry.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RegistrationProperties.class)
public class RegistryServiceRegistryAutoConfiguration {

    /** Registers, unregisters and sets the status of registrations; behind the actuator's endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public RegistryServiceRegistry registryServiceRegistry(Registry registry) {
        return new RegistryServiceRegistry(registry);
    }

    /**
     * This application's registration: named {@code registry.registration.name} or {@code spring.application.name},
     * on {@code registry.registration.host} or the first non-loopback IP address.
     */
    @Bean
    @ConditionalOnMissingBean
    public RegistryRegistration registryRegistration(RegistrationProperties properties, Environment environment,
                                                     ObjectProvider<InetUtils> inetUtils) {
        String name = isSet(properties.getName()) ? properties.getName()
                : environment.getProperty("spring.application.name", "application");
        String host = isSet(properties.getHost()) ? properties.getHost() : firstNonLoopbackAddress(inetUtils);
        int port = properties.getPort() != null ? properties.getPort() : 0;
        return new RegistryRegistration(name, host, port, properties.isSecure(), properties.getVersion(),
                properties.getMetadata());
    }

    private static boolean isSet(String property) {
        return property != null && !property.isBlank();
    }

    private static String firstNonLoopbackAddress(ObjectProvider<InetUtils> inetUtils) {
        InetUtils shared = inetUtils.getIfAvailable();
        if (shared != null) {
            return shared.findFirstNonLoopbackHostInfo().getIpAddress();
        }
        try (InetUtils own = new InetUtils(new InetUtilsProperties())) { // it runs a thread: close it
            return own.findFirstNonLoopbackHostInfo().getIpAddress();
        }
    }

    /** Auto-registration, for applications with Spring Boot's web server support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebServerApplicationContext.class)
    @ConditionalOnProperty(name = "spring.cloud.service-registry.auto-registration.enabled", matchIfMissing = true)
    static class AutoRegistration {

        /** Registers the application once its web server listens; unregisters it first thing at shutdown. */
        @Bean
        @ConditionalOnMissingBean
        RegistryAutoRegistration registryAutoRegistration(ApplicationContext context,
                                                          RegistryServiceRegistry serviceRegistry,
                                                          RegistryRegistration registration,
                                                          RegistrationProperties properties) {
            return new RegistryAutoRegistration(context, serviceRegistry, registration, properties.getDrainDelay());
        }
    }
}
