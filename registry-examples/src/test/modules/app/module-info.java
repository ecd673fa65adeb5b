/**
 * A user's application on the module path: it reads the API and the NATS module (for NATS micro); the
 * transports behind {@code Registry.connect(url)} come by service binding.
 */
module example.app {
    requires dev.registry;
    requires dev.registry.nats;
}
