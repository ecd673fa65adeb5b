package dev.registry.benchmarks.report;

import dev.registry.benchmarks.results.Latency;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's plots, drawn with XChart into PNG files: latency distributions (latency by percentile, tails
 * spread out, so p50 and p99 can be read off; series in the map's order) and lookup cost by cache size.
 * Stateless; needs no display (runs headless).
 */
public final class Plots {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private Plots() {
    }

    /**
     * Latency by percentile of each of {@code series}, written to {@code file}. The x axis is 1 / (1 - p) on a
     * log scale, labelled with the percentile p, so the tail gets as much room as the median.
     */
    public static void latencyByPercentile(Path file, String title, Map<String, Latency> series) {
        XYChart chart = chart(title, "percentile", "latency (µs, log scale)");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.setCustomXAxisTickLabelsFormatter(Plots::percentileLabel);
        chart.setCustomYAxisTickLabelsFormatter(Markdown::count);
        for (Map.Entry<String, Latency> samples : series.entrySet()) {
            List<Latency.Point> curve = samples.getValue().curve();
            double[] x = new double[curve.size()];
            double[] y = new double[curve.size()];
            for (int i = 0; i < curve.size(); i++) {
                x[i] = 1 / (1 - curve.get(i).percentile() / 100);
                y[i] = curve.get(i).micros();
            }
            XYSeries line = chart.addSeries(samples.getKey() + " (p50 " + Markdown.micros(samples.getValue().p50()) + ")", x, y);
            line.setMarker(SeriesMarkers.NONE);
        }
        save(chart, file);
    }

    /** One line per series: {@code x[i]} instances cached, {@code y[i]} ns per lookup, {@code errors[i]} its error. */
    public static void lookupBySize(Path file, List<Line> lines) {
        XYChart chart = chart("getService(name, loadBalance) by cache size", "instances in the cache (log scale)",
                "ns per lookup");
        chart.getStyler().setXAxisLogarithmic(true).setYAxisMin(0.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.setCustomXAxisTickLabelsFormatter(Markdown::count);
        for (Line line : lines) {
            chart.addSeries(line.label(), line.x(), line.y(), line.errors());
        }
        save(chart, file);
    }

    /** One series of {@link #lookupBySize}. */
    public record Line(String label, double[] x, double[] y, double[] errors) {
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setAntiAlias(true);
        return chart;
    }

    /** The percentile at {@code x} = 1 / (1 - p): 1 -> 0%, 10 -> 90%, 100 -> 99%, 1000 -> 99.9%. */
    private static String percentileLabel(double x) {
        double percentile = 100 * (1 - 1 / x);
        return BigDecimal.valueOf(percentile).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static void save(XYChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream png = Files.newOutputStream(file)) {
                ChartEncoder.saveChart(chart, png, "png");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
