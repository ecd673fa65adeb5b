package dev.registry.benchmarks.results;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One measured latency distribution, in microseconds, as the JSON holds it: count, percentiles, max and mean
 * from an HdrHistogram (3 significant digits), and the percentile curve the plots draw. Immutable.
 *
 * @param count samples recorded
 * @param p50   median
 * @param p90   90th percentile
 * @param p99   99th percentile
 * @param max   largest sample
 * @param mean  mean
 * @param curve (percentile, microseconds) points, denser towards the tail; the 100th percentile left out
 */
public record Latency(long count, double p50, double p90, double p99, double max, double mean, List<Point> curve) {

    /** Histograms record nanoseconds within 0.1 % of the recorded value. */
    public static final int SIGNIFICANT_DIGITS = 3;

    /** Copies {@code curve}. */
    public Latency {
        curve = List.copyOf(curve);
    }

    /** The distribution of {@code nanos}, a histogram of nanoseconds holding at least one sample. */
    public static Latency of(Histogram nanos) {
        if (nanos.getTotalCount() == 0) {
            throw new IllegalArgumentException("no samples recorded");
        }
        List<Point> curve = new ArrayList<>();
        // 5 points per halving of the distance to 100 %, so the tail of a plot gets as many points as its middle
        for (HistogramIterationValue value : nanos.percentiles(5)) {
            if (value.getPercentileLevelIteratedTo() < 100) {
                curve.add(new Point(value.getPercentileLevelIteratedTo(), value.getValueIteratedTo() / 1e3));
            }
        }
        return new Latency(nanos.getTotalCount(), nanos.getValueAtPercentile(50) / 1e3,
                nanos.getValueAtPercentile(90) / 1e3, nanos.getValueAtPercentile(99) / 1e3,
                nanos.getMaxValue() / 1e3, nanos.getMean() / 1e3, curve);
    }

    /** One point of {@link #curve}: {@code percentile} in [0, 100), {@code micros} the latency there. */
    public record Point(double percentile, double micros) {
    }
}
