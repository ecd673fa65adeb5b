package dev.registry.benchmarks.harness;

import dev.registry.benchmarks.results.Results.HeapClass;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Where a filled cache's heap goes, class by class: the JVM's live-object histogram ({@code GC.class_histogram},
 * the one {@code jcmd} prints, which runs a full GC first) taken with the cache and again without it, the
 * difference divided by the instances cached. Stateless; in-process, on HotSpot.
 */
final class HeapProfile {

    /** Classes holding less than this per instance are summed into one "other" row. */
    private static final double SMALLEST_ROW_BYTES = 4;

    private HeapProfile() {
    }

    /** The live objects of each class now: class name -> {instances, bytes}. */
    static Map<String, long[]> histogram() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("the JVM gave no class histogram", e);
        }
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            // "  1:   329225   14993936  [B (java.base@17.0.15)"; the header and the "Total" line do not match
            if (fields.length >= 4 && fields[0].endsWith(":") && fields[1].matches("\\d+") && fields[2].matches("\\d+")) {
                classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
            }
        }
        return classes;
    }

    /**
     * Per cached instance, the classes that grew from {@code without} to {@code with}, largest first, those under
     * {@value #SMALLEST_ROW_BYTES} B summed into a last row "other".
     */
    static List<HeapClass> perInstance(Map<String, long[]> with, Map<String, long[]> without, int instances) {
        List<HeapClass> rows = new ArrayList<>();
        double otherBytes = 0;
        for (Map.Entry<String, long[]> entry : with.entrySet()) {
            long[] before = without.getOrDefault(entry.getKey(), new long[2]);
            double count = (double) (entry.getValue()[0] - before[0]) / instances;
            double bytes = (double) (entry.getValue()[1] - before[1]) / instances;
            if (bytes >= SMALLEST_ROW_BYTES) {
                rows.add(new HeapClass(entry.getKey(), count, bytes));
            } else if (bytes > 0) {
                otherBytes += bytes;
            }
        }
        rows.sort(Comparator.comparingDouble(HeapClass::bytes).reversed());
        rows.add(new HeapClass("other", 0, otherBytes));
        return rows;
    }
}
