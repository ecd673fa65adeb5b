package dev.registry.cli;

/** The tool's help text, printed by {@code registry help} and {@code --help}. */
final class Usage {

    static final String TEXT = """
            usage: registry [--url URL] [--prefix PREFIX] [--timeout DURATION] [--verbose] COMMAND [ARGUMENTS]

            commands:
              ls [--wait DURATION] [--json]
                  every service and instance on the bus. Listens one register interval plus 1s (21s by default):
                  instances announce themselves at each heartbeat, and each name learned is pinged so all its
                  instances answer at once. --wait 2s answers sooner with what announced itself by then.
              watch [NAME] [--json]
                  print events (REGISTERED, UPDATED, UNREGISTERED, EXPIRED) as they happen, until Ctrl-C
              get NAME [--filter lb|local|passing]... [--json]
                  the instances of NAME that answer within the timeout, after the filters, in order
                  (--filter passing,lb: one passing instance, round-robin)
              register NAME ADDRESS [--kv KEY=VALUE]... [--version V] [--service-url URL] [--host H]
                       [--network N] [--status passing|warning|critical]
                  register an instance and keep it registered until Ctrl-C, then unregister it
              ping NAME
                  ask every instance of NAME to answer; print who answered and how fast
              serve --http PORT [--bind ADDRESS]
                  serve the catalog over HTTP in Consul's shape, until Ctrl-C: GET /v1/catalog/service/NAME,
                  /v1/catalog/service/* (every instance), /v1/catalog/services (every name);
                  on 127.0.0.1 unless --bind says otherwise; --http 0 picks a free port
              help
                  this text

            options:
              --url URL           the bus: nats://, tls://, redis://, rediss://, redis-sentinel://, redis-cluster://
                                  (default: $REGISTRY_URL, else nats://127.0.0.1:4222)
              --prefix PREFIX     the main topic, one per tenant (default: $REGISTRY_PREFIX, else registry)
              --timeout DURATION  how long a lookup or a ping waits for answers
                                  (default: $REGISTRY_LOOKUP_TIMEOUT, else 500ms)
              --json              JSON output, for scripts
              --verbose           the library's log on stderr, from level info (default: warnings only)

            The other REGISTRY_* variables (REGISTRY_REGISTER_INTERVAL, REGISTRY_HOST_NAME, REGISTRY_SIGNING_KEY, ...)
            apply as Registry.connect() reads them. Durations: 500ms, 2s, 1m30s or PT2S.
            Exit status: 0 done, 1 nothing found or the bus cannot be reached, 2 wrong arguments or environment.
            """;

    private Usage() {
    }
}
