package dev.registry.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void aPipeInACellDoesNotSplitTheRow() {
        String table = new Markdown().table(List.of("a"), List.of(List.of("x | y"))).toString();

        assertEquals("| a |\n|---|\n| x \\| y |\n\n", table);
    }
}
