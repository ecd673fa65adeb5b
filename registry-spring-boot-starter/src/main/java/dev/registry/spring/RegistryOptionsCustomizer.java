package dev.registry.spring;

import dev.registry.RegistryOptions;

/**
 * Adjusts the starter's registry options in code, after the {@code registry.*} properties are applied: for
 * what is code rather than configuration (default and observe filters, a listener executor, a ticker), or to
 * override a property. Every bean of this type is called once, in {@link org.springframework.core.Ordered}
 * order, on the thread that creates the registry.
 *
 * <pre>{@code
 * @Bean
 * RegistryOptionsCustomizer passingOnly() {
 *     return options -> options.defaultFilter(Filters.passing());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface RegistryOptionsCustomizer {

    /** Changes {@code options}, which already hold the properties' values. */
    void customize(RegistryOptions.Builder options);
}
