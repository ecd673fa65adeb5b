/**
 * The registry's transport over Redis pub/sub (Lettuce): {@link dev.registry.redis.RedisPubsub} on a client
 * you created, or {@code Registry.connect("redis://...")} through {@link dev.registry.redis.RedisPubsubProvider}.
 * Standalone servers, Sentinel-managed masters and Redis Cluster are supported; topics are channel names, so
 * the wire is the one of docs/PROTOCOL.md.
 */
package dev.registry.redis;
