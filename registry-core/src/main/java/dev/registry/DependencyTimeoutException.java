package dev.registry;

import java.time.Duration;
import java.util.List;

/** {@link Registry#await} gave up: some services had no passing instance within the timeout. */
public class DependencyTimeoutException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    /** The services in {@code missing} had no passing instance after {@code waited}. */
    public DependencyTimeoutException(List<String> missing, Duration waited) {
        super("no passing instance of " + missing + " within " + waited.toMillis()
                + " ms; are they running and registered on the same bus and main topic?");
        this.missing = List.copyOf(missing);
    }

    /** The services still without a passing instance, in the order they were asked for. */
    public List<String> missing() {
        return missing;
    }
}
