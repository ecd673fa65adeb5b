/** The {@code registry} command-line tool: an application, so it exports nothing. */
module dev.registry.cli {
    requires dev.registry;
    requires dev.registry.nats;
    requires dev.registry.redis;
    requires dev.registry.catalog;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // picocli builds the commands, and Jackson writes the JSON records, by reflection.
    opens dev.registry.cli to info.picocli, com.fasterxml.jackson.databind;
}
