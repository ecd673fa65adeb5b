package dev.registry.benchmarks.harness;

import java.util.HashMap;
import java.util.Map;

/** A child's {@code result key=value ...} line, parsed. Stateless. */
final class ChildResult {

    private ChildResult() {
    }

    /** The numbers of a result line (without its {@code result} prefix), by key. */
    static Map<String, Double> parse(String line) {
        Map<String, Double> values = new HashMap<>();
        for (String pair : line.trim().split(" ")) {
            String[] keyValue = pair.split("=");
            values.put(keyValue[0], Double.parseDouble(keyValue[1]));
        }
        return values;
    }
}
