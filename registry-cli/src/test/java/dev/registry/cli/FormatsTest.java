package dev.registry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Service;
import dev.registry.Status;
import dev.registry.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the tool prints instances, events and durations (the catalog's JSON is registry-catalog's, tested there). */
class FormatsTest {

    @Test
    void theTableIsAlignedSortedAndDashesEmptyFields() {
        String table = ServiceTable.format(List.of(
                Service.builder("web").address("127.0.0.1:80").host("h1").status(Status.CRITICAL).build(),
                Service.builder("api").address("127.0.0.1:8080").host("h2").version("1.0").url("http://127.0.0.1:8080/")
                        .kv("zone", "eu").kv("rack", "r1").build()));

        assertEquals(String.join(System.lineSeparator(),
                "SERVICE  ADDRESS         STATUS    VERSION  HOST  URL                     KV",
                "api      127.0.0.1:8080  passing   1.0      h2    http://127.0.0.1:8080/  rack=r1,zone=eu",
                "web      127.0.0.1:80    critical  -        h1    -                       -", ""), table);
    }

    @Test
    void jsonHasEveryFieldOfAnInstance() {
        assertEquals("[{\"name\":\"api\",\"address\":\"127.0.0.1:8080\",\"network\":\"\",\"url\":\"\",\"version\":\"\","
                + "\"host\":\"h\",\"status\":\"warning\",\"kv\":{\"zone\":\"eu\"}}]", JsonText.write(InstanceJson.sorted(List.of(
                Service.builder("api").address("127.0.0.1:8080").host("h").status(Status.WARNING).kv("zone", "eu").build())),
                false));
    }

    @Test
    void anEventIsOneLineOfJson() {
        ServiceEvent event = new ServiceEvent(ServiceEvent.Type.EXPIRED, Service.builder("api").address(":80").host("h").build());

        assertEquals("{\"time\":\"2024-05-01T12:00:01.123Z\",\"event\":\"EXPIRED\",\"service\":{\"name\":\"api\","
                + "\"address\":\":80\",\"network\":\"\",\"url\":\"\",\"version\":\"\",\"host\":\"h\",\"status\":\"passing\","
                + "\"kv\":{}}}", JsonText.write(EventJson.of(event, Instant.parse("2024-05-01T12:00:01.123Z")), false));
    }

    @Test
    void durationsArePrintedInTheSyntaxTheToolReads() {
        assertEquals("500ms", Durations.text(Duration.ofMillis(500)));
        assertEquals("1500ms", Durations.text(Duration.ofMillis(1500)));
        assertEquals("21s", Durations.text(Duration.ofSeconds(21)));
        assertEquals("1m", Durations.text(Duration.ofSeconds(60)));
        assertEquals("1m30s", Durations.text(Duration.ofSeconds(90)));
    }

    @Test
    void busUrlsArePrintedWithoutTheirSecrets() {
        assertEquals("nats://alice:***@127.0.0.1:4222", Bus.redacted("nats://alice:s3cret@127.0.0.1:4222"));
        assertEquals("nats://***@127.0.0.1:4222", Bus.redacted("nats://t0ken@127.0.0.1:4222"));
        assertEquals("redis://127.0.0.1:6379", Bus.redacted("redis://127.0.0.1:6379"));
    }
}
