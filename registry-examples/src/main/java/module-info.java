/** Runnable example programs: an application, so it exports nothing. */
module dev.registry.examples {
    requires dev.registry;
    requires dev.registry.nats;
    requires dev.registry.redis;
    requires jdk.httpserver;
    requires java.net.http;
    requires java.management;
}
