package dev.registry.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void figuresBecomeATableWithOneRowEach() {
        String table = new Markdown().figures(List.of(
                new Figure("hot lookup", "41.7 ns/op", "-", "-", "<= 100 ns/op", Verdict.PASS),
                new Figure("propagation (NATS)", "p50 120 µs", "one-way p50 80 µs", "p50 1.50x", "p50 <= 1.3x", Verdict.MISS),
                Figure.info("time to fill", "812 ms"))).toString();

        assertEquals("""
                | figure | measured | raw broker baseline | ratio | goal | result |
                |---|---|---|---|---|---|
                | hot lookup | 41.7 ns/op | - | - | <= 100 ns/op | pass |
                | propagation (NATS) | p50 120 µs | one-way p50 80 µs | p50 1.50x | p50 <= 1.3x | **miss** |
                | time to fill | 812 ms | - | - | - | - |

                """, table);
    }

    @Test
    void aPipeInACellDoesNotSplitTheRow() {
        String table = new Markdown().table(List.of("a"), List.of(List.of("x | y"))).toString();

        assertEquals("| a |\n|---|\n| x \\| y |\n\n", table);
    }
}
