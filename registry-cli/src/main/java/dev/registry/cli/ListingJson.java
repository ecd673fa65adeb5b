package dev.registry.cli;

import java.util.List;

/**
 * What {@code ls --micro --json} prints: the registered instances, as {@code ls --json} prints them, and the NATS
 * micro service instances, in one object: {@code {"instances":[...],"micro":[...]}}.
 *
 * @param instances the registered instances, sorted by name then address
 * @param micro the NATS micro service instances, sorted by name then id
 */
record ListingJson(List<InstanceJson> instances, List<MicroJson> micro) {
}
