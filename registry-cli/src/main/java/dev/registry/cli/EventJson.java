package dev.registry.cli;

import dev.registry.ServiceEvent;
import java.time.Instant;

/**
 * One event as {@code watch --json} prints it, one per line:
 * {@code {"time":"2024-05-01T12:00:01.123Z","event":"REGISTERED","service":{...}}}.
 *
 * @param time when the tool received the event, ISO-8601 in UTC
 * @param event {@code REGISTERED}, {@code UPDATED}, {@code UNREGISTERED} or {@code EXPIRED}
 * @param service the instance the event is about
 */
record EventJson(String time, String event, InstanceJson service) {

    /**
     * The JSON of {@code event}.
     *
     * @param event an event of the registry
     * @param time when it was received
     * @return its JSON record
     */
    static EventJson of(ServiceEvent event, Instant time) {
        return new EventJson(time.toString(), event.type().name(), InstanceJson.of(event.service()));
    }
}
