package dev.registry.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.registry.benchmarks.results.Results;
import dev.registry.benchmarks.results.SampleResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void everyGoalIsJudgedFromTheResultsAgainstItsSameRunBaseline() {
        List<List<String>> rows = Goals.rows(SampleResults.of(false));

        assertEquals(List.of("pass", "**miss**", "**miss**", "pass", "**miss**", "pass", "**miss**", "pass", "**miss**",
                "pass", "**miss**", "pass", "pass", "pass", "pass", "pass", "pass"), rows.stream().map(row -> row.get(5)).toList());
        assertEquals(List.of("NATS: register -> REGISTERED", "p50 110 µs, p99 110 µs", "raw one-way p50 100 µs, p99 100 µs",
                "p50 1.10x, p99 1.10x", "p50 <= 1.15x, p99 <= 1.5x", "pass"), rows.get(3));
    }

    @Test
    void theCyclingGoalShowsItsSameRunFloor(@TempDir Path out) throws IOException {
        List<List<String>> rows = Goals.rows(SampleResults.of(false));
        String report = Files.readString(new Report(out).write(SampleResults.of(false), ""));

        assertEquals("one name, same cache: 44.0 ns/op; floor: plain map + array cycling 1,000 names: 6.0 ns/op, 1.50x one name",
                rows.get(2).get(2));
        assertTrue(report.contains("| RegistryBenchmark.floor | {shape=1000x100, target=all} | 1 | 6.0 | ns/op | 0.0 |"), report);
    }

    @Test
    void theHeapGoalShowsTheDecodedServicesAlone() {
        List<String> heap = Goals.rows(SampleResults.of(false)).get(14);

        assertEquals("same run, every beat decoded (no beat fingerprint kept): 300 B; the decoded `Service` objects alone"
                + " (held after their registry closed): 150 B", heap.get(2));
    }

    @Test
    void theBreakdownsAreRowsOfTheirSectionsTables(@TempDir Path out) throws IOException {
        String report = Files.readString(new Report(out).write(SampleResults.of(false), ""));

        for (String row : List.of("| raw register message -> B's REGISTERED | 100 | 102 µs | 102 µs | 102 µs | 102 µs | 1.02x | 1.02x |",
                "| register on A -> raw subscriber | 100 | 130 µs | 130 µs | 130 µs | 130 µs | 1.30x | 1.30x |",
                "| first instance on A -> raw subscriber | 100 | 310 µs | 310 µs | 310 µs | 310 µs | 1.55x | 1.55x |",
                "| raw ping -> A's answer | 100 | 330 µs | 330 µs | 330 µs | 330 µs | 1.10x | 1.10x |",
                "| raw subscribe + ping -> A's answer | 100 | 360 µs | 360 µs | 360 µs | 360 µs | 1.20x | 1.20x |",
                "| raw one-way, stamped after a hand-off to a waiting thread | 100 | 115 µs | 115 µs | 115 µs | 115 µs | 1.15x | 1.15x |")) {
            assertTrue(report.contains(row), row);
        }
    }

    @Test
    void anOlderResultsJsonWithoutTheBreakdownsStillRenders(@TempDir Path out) throws IOException {
        ObjectNode json = Results.MAPPER.valueToTree(SampleResults.of(false));
        json.withArray("propagation").forEach(p -> ((ObjectNode) p).remove(List.of("rawRegisterToB", "registerOnAToRaw",
                "firstInstanceOnAToRaw", "rawOneWayHandedOff")));
        ((ObjectNode) json.get("coldLookup")).remove(List.of("rawPingToAnswer", "rawExchange"));
        ((ObjectNode) json.get("scale")).remove(List.of("bytesPerDecodedService", "byClass"));
        Results older = Results.MAPPER.treeToValue(json, Results.class);

        String report = Files.readString(new Report(out).write(older, ""));

        assertTrue(report.contains("| name new to B | 100 |"), report);
        assertFalse(report.contains("raw ping"), report);
        assertFalse(report.contains("raw subscriber"), report);
        assertFalse(report.contains("hand-off"), report);
        assertFalse(report.contains("objects alone"), report);
        assertFalse(report.contains("## Heap by class"), report);
    }

    @Test
    void theHeapOfACachedInstanceIsShownClassByClass(@TempDir Path out) throws IOException {
        String report = Files.readString(new Report(out).write(SampleResults.of(false), ""));

        assertTrue(report.contains("## Heap by class"), report);
        assertTrue(report.contains("| `byte[]` | 3.3 | 150.0 | 71 % |"), report);
        assertTrue(report.contains("| `dev.registry.Service` | 1.0 | 48.0 | 23 % |"), report);
        assertTrue(report.contains("| other | - | 12.5 | 6 % |"), report);
        assertTrue(report.contains("| all | - | 210.5 | 100 % |"), report);
    }

    @Test
    void aPipeInACellDoesNotSplitTheRow() {
        String table = new Markdown().table(List.of("a"), List.of(List.of("x | y"))).toString();

        assertEquals("| a |\n|---|\n| x \\| y |\n\n", table);
    }

    @Test
    void theReportIsRenderedFromTheResultsWithTheNotesVerbatim(@TempDir Path out) throws IOException {
        String notes = "### 2026-11-27\n\nThe cold lookup waits for a flush.\n";

        String report = Files.readString(new Report(out).write(SampleResults.of(true), notes));

        assertTrue(report.contains("at commit `0123456789abcdef`"), report);
        assertTrue(report.contains("| cold lookup | 861 µs / 2,000 µs (p50 1.67x its request/reply) | 400 µs / 400 µs (p50 1.33x its request/reply) | 0.46x |"), report);
        assertTrue(report.contains("| propagation, register -> event | 410 µs / 900 µs (p50 1.64x its raw) |"), report);
        assertTrue(report.endsWith("## Notes on this run\n\n" + notes.strip() + "\n\n"), report);
        for (String plot : List.of("propagation-nats.png", "propagation-redis.png", "cold-lookup-nats.png", "lookup-by-cache-size.png")) {
            assertTrue(Files.size(out.resolve(Report.DOCS).resolve(plot)) > 0, plot);
        }
    }

    @Test
    void withoutTheGoBinaryTheSectionSaysItDidNotRun(@TempDir Path out) throws IOException {
        String report = Files.readString(new Report(out).write(SampleResults.of(false), ""));

        assertTrue(report.contains("## Against the Go original\n\nNot run in this run (`scripts/bench --go-bench PATH`)."), report);
    }

    @Test
    void theProjectionScalesTheMeasuredFleetByTheProtocolsMessageCounts() {
        List<List<String>> rows = Projection.rows(SampleResults.of(false).fleet());

        assertEquals(List.of("100,000", "1 s", "200, every name", "100,000", "20,000,000", "50.25x", "80.40x", "200.0",
                "NATS cluster, Redis Cluster; an observer past one core"), rows.get(0));
        assertEquals(List.of("100,000", "1 s", "200, 50 names", "100,000", "200,000", "0.75x", "1.20x", "2.0",
                "one nats-server, Redis Cluster"), rows.get(1));
        assertEquals(12, rows.size());
    }
}
