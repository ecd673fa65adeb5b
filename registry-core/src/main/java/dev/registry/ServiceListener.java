package dev.registry;

/**
 * Receives {@link ServiceEvent}s. Called on the registry's listener executor, never on a transport thread,
 * and in order for one service name. A listener that throws is logged at warn and keeps receiving events.
 */
@FunctionalInterface
public interface ServiceListener {

    void onEvent(ServiceEvent event);
}
