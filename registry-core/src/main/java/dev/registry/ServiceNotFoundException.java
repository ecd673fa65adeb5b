package dev.registry;

import java.time.Duration;

/** No instance of a service passing the lookup's filters answered within the lookup timeout. */
public class ServiceNotFoundException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final String serviceName;

    /** No instance of {@code serviceName} passed the lookup's filters within {@code waited}. */
    public ServiceNotFoundException(String serviceName, Duration waited) {
        super("no instance of service '" + serviceName + "' passing the filters was found within "
                + waited.toMillis() + " ms; is it registered on the same bus and main topic?");
        this.serviceName = serviceName;
    }

    /** The name that was looked up. */
    public String serviceName() {
        return serviceName;
    }
}
