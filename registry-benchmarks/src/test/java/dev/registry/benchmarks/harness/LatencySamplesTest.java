package dev.registry.benchmarks.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void smallValuesAreExactAndPercentilesAreNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder("x");
        for (long nanos = 100; nanos >= 1; nanos--) {
            recorder.add(nanos);
        }
        LatencySamples samples = recorder.samples();

        assertEquals(100, samples.count());
        assertEquals(50, samples.p50());
        assertEquals(90, samples.p90());
        assertEquals(99, samples.p99());
        assertEquals(100, samples.max());
        assertEquals(50.5, samples.mean());
    }

    @Test
    void latenciesOfMicrosecondsToSecondsStayWithinAThousandthOfTheExactFigures() {
        Random random = new Random(42);
        long[] nanos = new long[10_000];
        LatencyRecorder recorder = new LatencyRecorder("log-normal");
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (long) Math.exp(11 + 2 * random.nextGaussian()); // median 60 µs, tail to seconds
            recorder.add(nanos[i]);
        }
        LatencySamples samples = recorder.samples();
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);

        for (double p : new double[] {50, 90, 99, 99.9, 100}) {
            // nearest rank; the epsilon keeps 99.9 / 100 * 10,000 = 9990.000000000002 at rank 9990
            long exact = sorted[(int) Math.ceil(p / 100 * sorted.length - 1e-9) - 1];
            assertWithinAThousandth(exact, samples.percentile(p), "p" + p);
        }
        assertWithinAThousandth(sorted[sorted.length - 1], samples.max(), "max");
        assertWithinAThousandth(Arrays.stream(nanos).average().orElseThrow(), samples.mean(), "mean");
    }

    @Test
    void theCurveForPlotsRisesTowardsTheTailAndStopsShortOfTheHundredth() {
        LatencyRecorder recorder = new LatencyRecorder("curve");
        for (long nanos = 1_000; nanos <= 1_000_000; nanos += 1_000) {
            recorder.add(nanos);
        }
        List<LatencySamples.Point> curve = recorder.samples().percentileCurve();

        assertTrue(curve.size() > 20, "points: " + curve.size());
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).percentile() > curve.get(i - 1).percentile(), curve.toString());
            assertTrue(curve.get(i).nanos() >= curve.get(i - 1).nanos(), curve.toString());
        }
        assertTrue(curve.get(curve.size() - 1).percentile() >= 99.9, "the tail is drawn: " + curve.get(curve.size() - 1));
        assertTrue(curve.stream().allMatch(point -> point.percentile() < 100));
    }

    @Test
    void aPathWithoutSamplesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyRecorder("none").samples());
        assertThrows(IllegalArgumentException.class,
                () -> new LatencySamples("one", oneSample()).percentile(0), "percentiles are in (0, 100]");
    }

    @Test
    void samplesAreACopyOfTheRecorderAtTheTimeTheyWereTaken() {
        LatencyRecorder recorder = new LatencyRecorder("copy");
        recorder.add(10);
        LatencySamples before = recorder.samples();
        recorder.add(1_000);

        assertEquals(1, before.count());
        assertEquals(10, before.max());
    }

    private static Histogram oneSample() {
        Histogram histogram = new Histogram(LatencySamples.SIGNIFICANT_DIGITS);
        histogram.recordValue(1);
        return histogram;
    }

    private static void assertWithinAThousandth(double exact, double reported, String what) {
        assertTrue(Math.abs(reported - exact) <= exact / 1_000, what + ": exact " + exact + ", reported " + reported);
    }
}
