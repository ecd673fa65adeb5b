/**
 * The registry's transport over NATS (jnats), and NATS micro ({@code $SRV}) discovery. Found by
 * {@link java.util.ServiceLoader} for {@code nats://} and {@code tls://} URLs.
 */
// jnats has a stable Automatic-Module-Name; users of this module need its types, so it is re-exported.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.registry.nats {
    exports dev.registry.nats;

    // The transport's public methods take and return the API's and jnats's types.
    requires transitive dev.registry;
    requires transitive io.nats.jnats;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // Jackson writes the NATS micro responses, records of this package, by reflection.
    opens dev.registry.nats to com.fasterxml.jackson.databind;

    provides dev.registry.spi.PubsubProvider with dev.registry.nats.NatsPubsubProvider;
}
