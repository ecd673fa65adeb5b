package dev.registry.spring;

import dev.registry.Service;

/**
 * Tells valid service names from the host names Spring Cloud may ask about ({@code http://example.com/} through a
 * load-balanced client asks for {@code example.com}, which has a dot, a topic separator). Stateless.
 */
final class ServiceNames {

    private ServiceNames() {
    }

    /** Whether {@code name} is a valid service name, by the registry's one rule for every transport. */
    static boolean isValid(String name) {
        try {
            Service.builder(name);
            return true;
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
