package dev.registry.benchmarks.report;

import java.util.Objects;

/**
 * One row of the report: a measured figure beside its raw-broker baseline, their ratio, the goal and whether
 * it is met. Values are already formatted with their units; {@code "-"} where a column does not apply.
 *
 * @param name     what was measured
 * @param measured the registry's figure
 * @param baseline the raw broker's figure measured in the same run
 * @param ratio    measured / baseline
 * @param goal     the goal for it
 * @param verdict  pass, miss, or info for context rows
 */
public record Figure(String name, String measured, String baseline, String ratio, String goal, Verdict verdict) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** A row with no baseline and no goal, shown for context. */
    public static Figure info(String name, String measured) {
        return new Figure(name, measured, "-", "-", "-", Verdict.INFO);
    }
}
