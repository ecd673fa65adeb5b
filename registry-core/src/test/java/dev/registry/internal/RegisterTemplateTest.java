package dev.registry.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.registry.Service;
import dev.registry.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterTemplateTest {

    private final WireCodec codec = new WireCodec(64 * 1024);

    @Test
    void writesWhatTheEncoderWritesForEverySendTime() {
        List<Service> services = List.of(
                Service.builder("s").address("127.0.0.1:1").build(),
                Service.builder("full").address("127.0.0.1:8443").network("tcp").url("https://127.0.0.1:8443/api")
                        .version("1.2.3").host("h1").kv("zone", "eu").kv("w", "5").status(Status.WARNING).build(),
                Service.builder("tricky").address("a:1").kv("x", "\"Registered\":0,<&>").kv("\uD83D\uDE00", "\u2028")
                        .status(Status.DRAINING).build());
        for (Service service : services) {
            RegisterTemplate template = codec.registerTemplate(service, 20_000);
            for (long sent : new long[] {0, 7, 1_795_288_057_329L, Long.MAX_VALUE}) {
                assertArrayEquals(codec.encodeRegister(service, sent, 20_000), template.at(sent), service + " at " + sent);
            }
            assertSame(service, template.service());
        }
    }
}
