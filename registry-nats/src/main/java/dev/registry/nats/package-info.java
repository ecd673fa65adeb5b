/**
 * The NATS transport of the registry, over jnats: {@link dev.registry.nats.NatsPubsub} wraps a connection
 * (yours, left open, or one it opens and closes), and {@link dev.registry.nats.NatsPubsubProvider} makes
 * {@code Registry.connect("nats://host:4222")} work when this module is on the class path.
 *
 * <p>Topics are NATS subjects byte for byte, their UTF-8 encoding as nats.go writes it, so Java and Go
 * registries on the same server and main topic see each other's services, names beyond ASCII included.
 *
 * <p>{@link dev.registry.nats.NatsMicro} joins NATS's own service framework (ADR-32, {@code nats micro}): it makes
 * a registry's registrations answer {@code $SRV} discovery ({@link dev.registry.nats.NatsMicro#expose}, off unless
 * called) and lists the micro services on the account ({@link dev.registry.nats.NatsMicro#discover}).
 */
package dev.registry.nats;
