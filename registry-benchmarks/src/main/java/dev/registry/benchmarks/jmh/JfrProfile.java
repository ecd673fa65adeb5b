package dev.registry.benchmarks.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark's bytes and CPU go, read from a JDK Flight Recorder recording: allocation samples
 * ({@code jdk.ObjectAllocationSample}, weighted by the bytes they stand for) by class and allocating frame,
 * and execution samples ({@code jdk.ExecutionSample}) by top frame and by the library's methods on the stack.
 * Only samples whose stack passes through {@code stackMarker} (the benchmark's class) count, so JMH's and
 * JFR's own work is left out. Immutable.
 *
 * @param allocations allocation sites, largest share first
 * @param cpu         top frames, largest share first
 * @param library     the library's methods ({@code dev.registry}, not the benchmarks), by the share of samples
 *                    they are on the stack of (a method and its callees), largest first
 */
public record JfrProfile(List<Share> allocations, List<Share> cpu, List<Share> library) {

    /** One site and its share of the samples, in percent. */
    public record Share(String site, double percent) {
    }

    /** Reads {@code recording}, keeping the {@code limit} largest sites of each kind. */
    public static JfrProfile read(Path recording, String stackMarker, int limit) {
        Map<String, Double> allocations = new HashMap<>();
        Map<String, Double> cpu = new HashMap<>();
        Map<String, Double> library = new HashMap<>();
        int cpuSamples = 0;
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || !passesThrough(stack, stackMarker)) {
                    continue;
                }
                String type = event.getEventType().getName();
                if ("jdk.ObjectAllocationSample".equals(type)) {
                    String site = event.getClass("objectClass").getName() + " at " + frame(stack.getFrames().get(0));
                    allocations.merge(site, (double) event.getLong("weight"), Double::sum);
                } else if ("jdk.ExecutionSample".equals(type) && !stack.getFrames().isEmpty()) {
                    cpu.merge(frame(stack.getFrames().get(0)), 1.0, Double::sum);
                    cpuSamples++;
                    libraryMethods(stack).forEach(method -> library.merge(method, 1.0, Double::sum));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording, e);
        }
        return new JfrProfile(top(allocations, limit), top(cpu, limit), ofSamples(library, cpuSamples, limit));
    }

    /** The distinct library methods on {@code stack}. */
    private static Set<String> libraryMethods(RecordedStackTrace stack) {
        Set<String> methods = new LinkedHashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            // lambdas are hidden classes named by number: the method they call is on the stack under its own name
            if (type.startsWith("dev.registry.") && !type.startsWith("dev.registry.benchmarks.") && !type.contains("$$Lambda")) {
                methods.add(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName());
            }
        }
        return methods;
    }

    /** Counts as percentages of {@code samples} (not of their sum: one sample counts for several methods). */
    private static List<Share> ofSamples(Map<String, Double> counts, int samples, int limit) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((method, count) -> shares.add(new Share(method, 100 * count / Math.max(1, samples))));
        shares.sort(Comparator.comparingDouble(Share::percent).reversed());
        return List.copyOf(shares.subList(0, Math.min(limit, shares.size())));
    }

    private static boolean passesThrough(RecordedStackTrace stack, String marker) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.getMethod().getType().getName().contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static String frame(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + ":" + frame.getLineNumber();
    }

    private static List<Share> top(Map<String, Double> weights, int limit) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Share> shares = new ArrayList<>();
        weights.forEach((site, weight) -> shares.add(new Share(site, 100 * weight / total)));
        shares.sort(Comparator.comparingDouble(Share::percent).reversed());
        return List.copyOf(shares.subList(0, Math.min(limit, shares.size())));
    }
}
