package dev.registry.internal;

import dev.registry.Service;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * nginx's smooth weighted round robin over one name's instances: each pick adds every instance's weight to its
 * running score, hands out the highest and takes the total off it, so weights 5:1:1 give a a b a c a a, never
 * five a in a row. Weights come from the {@code kv} key {@value #WEIGHT_KEY} (an integer, default 1, at most
 * {@value #MAX_WEIGHT}; 0 means never, unless every instance has 0, then all count as 1). The scores are rebuilt
 * only when the list of instances changes (kept for the instances that stay), so a pick allocates nothing.
 * Thread-safe: picks are serialized on this object.
 */
final class SmoothWeights {

    static final String WEIGHT_KEY = "weight";
    static final int MAX_WEIGHT = 1_000_000;

    private List<Service> instances = List.of();
    private int[] weights = new int[0];
    private long[] scores = new long[0];
    private long total;

    /** The next instance of a non-empty list. */
    synchronized Service pick(List<Service> current) {
        if (current != instances) {
            rebuild(current);
        }
        int best = 0;
        for (int i = 0; i < scores.length; i++) {
            scores[i] += weights[i];
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        scores[best] -= total;
        return instances.get(best);
    }

    private void rebuild(List<Service> current) {
        Map<String, Long> kept = new HashMap<>();
        for (int i = 0; i < instances.size(); i++) {
            kept.put(instances.get(i).address(), scores[i]);
        }
        int size = current.size();
        int[] newWeights = new int[size];
        long[] newScores = new long[size];
        long sum = 0;
        for (int i = 0; i < size; i++) {
            newWeights[i] = weightOf(current.get(i));
            sum += newWeights[i];
        }
        if (sum == 0) {
            Arrays.fill(newWeights, 1);
            sum = size;
        }
        for (int i = 0; i < size; i++) {
            newScores[i] = newWeights[i] == 0 ? 0 : kept.getOrDefault(current.get(i).address(), 0L);
        }
        instances = current;
        weights = newWeights;
        scores = newScores;
        total = sum;
    }

    /** The instance's weight: its {@code kv} {@value #WEIGHT_KEY}, 1 when absent or not a number, within 0..max. */
    static int weightOf(Service service) {
        String declared = service.kv().get(WEIGHT_KEY);
        if (declared == null) {
            return 1;
        }
        try {
            return (int) Math.max(0, Math.min(MAX_WEIGHT, Long.parseLong(declared.strip())));
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }
}
