/**
 * Two Spring Boot applications on the registry's starter: {@code greeter.GreeterApplication}, a service that
 * registers itself, and {@code caller.CallerApplication}, which calls it by name through Spring Cloud
 * LoadBalancer. Each lives in a package of its own so that neither's component scan picks up the other.
 */
package dev.registry.examples.spring;
