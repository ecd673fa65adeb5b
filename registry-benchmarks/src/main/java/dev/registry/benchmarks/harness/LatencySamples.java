package dev.registry.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Latencies of one measured path, in nanoseconds, held in an HdrHistogram: percentiles, max and mean are
 * HdrHistogram's, within {@link #SIGNIFICANT_DIGITS} significant digits of the recorded values (0.1%, far below
 * the microseconds the report prints). Never changed after construction (it keeps a copy of the histogram it is
 * given), but read from one thread at a time: a histogram reuses one iterator of its own for the mean.
 */
public final class LatencySamples {

    /** The histograms' precision: a reported value is within 0.1% of a recorded one. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Percentile points per halving of the distance to 100%, so a plot's tail gets as many points as its middle. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final String label;
    private final Histogram histogram;

    /** Copies {@code histogram}, which holds at least one sample. */
    public LatencySamples(String label, Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalArgumentException("no samples for " + label);
        }
        this.label = label;
        this.histogram = histogram.copy();
    }

    /** What was measured, as the report and the plots name it. */
    public String label() {
        return label;
    }

    /** How many samples were recorded. */
    public long count() {
        return histogram.getTotalCount();
    }

    /** The percentile {@code p} (0 < p <= 100): the value that {@code p}% of the samples are at or below, in nanoseconds. */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], but was " + p);
        }
        return histogram.getValueAtPercentile(p);
    }

    /** The median, in nanoseconds. */
    public long p50() {
        return percentile(50);
    }

    /** The 90th percentile, in nanoseconds. */
    public long p90() {
        return percentile(90);
    }

    /** The 99th percentile, in nanoseconds. */
    public long p99() {
        return percentile(99);
    }

    /** The largest sample, in nanoseconds. */
    public long max() {
        return histogram.getMaxValue();
    }

    /** The mean, in nanoseconds. */
    public double mean() {
        return histogram.getMean();
    }

    /**
     * The distribution as (percentile, latency) points in ascending order, denser towards the tail
     * (HdrHistogram's percentile iteration), for a plot of latency by percentile. The 100th percentile is left
     * out: a 1 / (1 - p) axis puts it at infinity.
     */
    public List<Point> percentileCurve() {
        List<Point> curve = new ArrayList<>();
        for (HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
            if (value.getPercentileLevelIteratedTo() < 100) {
                curve.add(new Point(value.getPercentileLevelIteratedTo(), value.getValueIteratedTo()));
            }
        }
        return curve;
    }

    /** One point of {@link #percentileCurve()}: {@code percentile} in [0, 100), {@code nanos} the latency there. */
    public record Point(double percentile, long nanos) {
    }
}
