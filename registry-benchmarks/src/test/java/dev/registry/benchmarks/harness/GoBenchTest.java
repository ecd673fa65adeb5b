package dev.registry.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.benchmarks.results.Results.GoFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoBenchTest {

    @Test
    void theBinaryIsRunAgainstTheNatsUrlAndItsJsonReadWhateverElseItPrints(@TempDir Path dir) throws IOException {
        Path stub = script(dir, """
                #!/bin/sh
                [ "$1" = "-nats" ] && [ "$2" = "nats://127.0.0.1:4999" ] && [ "$3" = "-quick" ] || exit 3
                echo "connecting to $2"
                echo '{"goVersion":"go1.19","library":"eddieraa/registry v0.4.10","natsGo":"v1.22.1","hotLookupNs":409,
                 "hotLookupBytes":288,"hotLookupAllocs":5,"rawOneWayP50Us":253,"registerP50Us":410,"registerP99Us":900,
                 "unregisterP50Us":301,"unregisterP99Us":700,"rawRequestReplyP50Us":515,"coldLookupP50Us":861,
                 "coldLookupP99Us":2000,"ingestMsgPerSec":161000,"rawIngestMsgPerSec":600000,"heapPerInstanceBytes":730,
                 "heapInstances":40000,"rawOneWayInPropagationP50Us":250,"hotLookupNsRuns":[400,409,420],"extra":1}'
                """);

        GoFigures go = GoBench.run(stub.toString(), "nats://127.0.0.1:4999", true, Duration.ofSeconds(10));

        assertEquals("eddieraa/registry v0.4.10", go.library());
        assertEquals(409, go.hotLookupNs());
        assertEquals(861, go.coldLookupP50Us());
        assertEquals(40_000, go.heapInstances());
        assertEquals(250, go.propagationRawP50Us());
        assertEquals(0, go.heapFillSeconds());
    }

    @Test
    void aBinaryThatFailsFailsTheRun(@TempDir Path dir) throws IOException {
        Path stub = script(dir, "#!/bin/sh\nexit 2\n");

        assertThrows(IllegalStateException.class, () -> GoBench.run(stub.toString(), "nats://127.0.0.1:1", false, Duration.ofSeconds(10)));
    }

    private static Path script(Path dir, String text) throws IOException {
        Path stub = dir.resolve("go-bench");
        Files.writeString(stub, text);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        return stub;
    }
}
