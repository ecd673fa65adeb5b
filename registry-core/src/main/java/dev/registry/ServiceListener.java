package dev.registry;

/**
 * Receives {@link ServiceEvent}s. Called on the registry's listener executor, never on a transport thread,
 * and in order for one service name. A listener that throws is logged at warn and keeps receiving events.
 */
@FunctionalInterface
public interface ServiceListener {

    /**
     * Called once per change, on a registry thread (or the configured listener executor), in order for one
     * service name. Should return promptly: a listener that blocks holds up the events of its own name only.
     */
    void onEvent(ServiceEvent event);
}
