package dev.registry.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A range of versions in the syntax npm and Cargo users know, parsed once: alternatives separated by {@code ||},
 * each a space-separated list of comparators that must all hold. A comparator is {@code >=1.2}, {@code >1.2.3},
 * {@code <2.0}, {@code <=2}, {@code =1.4.0} or a bare version (exact; a partial one such as {@code 1.4} means
 * {@code 1.4.x}), {@code ^1.4} (compatible: below the next major, or the next minor for {@code 0.x}), {@code ~1.4}
 * (below the next minor) or {@code *}. Versions compare by SemVer 2.0 precedence. A pre-release version matches
 * only an alternative that names a pre-release of the same major.minor.patch ({@code >=2.0.0-rc.1}), so ranges
 * never pick a pre-release by accident. Immutable and thread-safe.
 */
public final class VersionRange {

    /** Parsed versions of instances, kept while few (versions in a fleet are); beyond, parsed at each lookup. */
    private static final int CACHE_LIMIT = 1_024;

    private final String text;
    private final List<List<Comparator>> alternatives;
    private final Map<String, SemanticVersion> parsed = new ConcurrentHashMap<>();

    private VersionRange(String text, List<List<Comparator>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * The range {@code text} describes.
     *
     * @throws IllegalArgumentException naming the range and the part that is not understood
     */
    public static VersionRange parse(String text) {
        List<List<Comparator>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            List<Comparator> all = new ArrayList<>();
            for (String part : alternative.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    all.addAll(comparators(text, part));
                }
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("version range '" + text + "' has an empty alternative");
            }
            alternatives.add(List.copyOf(all));
        }
        return new VersionRange(text, List.copyOf(alternatives));
    }

    /** Whether {@code version} (an instance's {@code v}) is in the range; a missing or invalid version is not. */
    public boolean contains(String version) {
        if (version.isEmpty()) {
            return false;
        }
        SemanticVersion parsedVersion = parsed.get(version);
        if (parsedVersion == null) {
            parsedVersion = SemanticVersion.parseOrNull(version);
            if (parsedVersion == null) {
                return false;
            }
            if (parsed.size() < CACHE_LIMIT) {
                parsed.put(version, parsedVersion);
            }
        }
        return contains(parsedVersion);
    }

    boolean contains(SemanticVersion version) {
        for (List<Comparator> alternative : alternatives) {
            if (allHold(alternative, version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static boolean allHold(List<Comparator> alternative, SemanticVersion version) {
        boolean prereleaseAllowed = !version.isPrerelease();
        for (Comparator comparator : alternative) {
            if (!comparator.holds(version)) {
                return false;
            }
            prereleaseAllowed |= comparator.bound.isPrerelease() && comparator.bound.sameRelease(version);
        }
        return prereleaseAllowed;
    }

    private static List<Comparator> comparators(String range, String part) {
        if (part.equals("*") || part.equalsIgnoreCase("x")) {
            return List.of(new Comparator(Operator.AT_LEAST, new SemanticVersion(0, 0, 0, List.of())));
        }
        String operator = part.replaceFirst("^(>=|<=|>|<|=|\\^|~)?.*$", "$1");
        Partial bound = Partial.parse(range, part.substring(operator.length()));
        return switch (operator) {
            case ">=" -> List.of(new Comparator(Operator.AT_LEAST, bound.floor()));
            case ">" -> List.of(bound.complete() ? new Comparator(Operator.ABOVE, bound.floor())
                    : new Comparator(Operator.AT_LEAST, bound.nextUp()));
            case "<" -> List.of(new Comparator(Operator.BELOW, bound.floor()));
            case "<=" -> List.of(bound.complete() ? new Comparator(Operator.AT_MOST, bound.floor())
                    : new Comparator(Operator.BELOW, bound.nextUp()));
            case "^" -> List.of(new Comparator(Operator.AT_LEAST, bound.floor()), new Comparator(Operator.BELOW, bound.caretCeiling()));
            case "~" -> List.of(new Comparator(Operator.AT_LEAST, bound.floor()), new Comparator(Operator.BELOW, bound.tildeCeiling()));
            default -> bound.complete() ? List.of(new Comparator(Operator.EXACTLY, bound.floor()))
                    : List.of(new Comparator(Operator.AT_LEAST, bound.floor()), new Comparator(Operator.BELOW, bound.nextUp()));
        };
    }

    private enum Operator { AT_LEAST, ABOVE, BELOW, AT_MOST, EXACTLY }

    private record Comparator(Operator operator, SemanticVersion bound) {
        boolean holds(SemanticVersion version) {
            int order = version.compareTo(bound);
            return switch (operator) {
                case AT_LEAST -> order >= 0;
                case ABOVE -> order > 0;
                case BELOW -> order < 0;
                case AT_MOST -> order <= 0;
                case EXACTLY -> order == 0;
            };
        }
    }

    /** A version as a range writes it: {@code 1}, {@code 1.4}, {@code 1.4.x} or complete, perhaps a pre-release. */
    private record Partial(long major, long minor, long patch, int given, List<String> prerelease) {

        static Partial parse(String range, String text) {
            String problem = "version range '" + range + "': '" + text + "' is not a version";
            SemanticVersion complete = SemanticVersion.parseOrNull(text);
            if (complete != null) {
                return new Partial(complete.major(), complete.minor(), complete.patch(), 3, complete.prerelease());
            }
            String[] numbers = (text.startsWith("v") ? text.substring(1) : text).split("\\.", -1);
            if (numbers.length == 0 || numbers.length > 3) {
                throw new IllegalArgumentException(problem);
            }
            long[] values = new long[3];
            int given = 0;
            for (String number : numbers) {
                if (number.equals("x") || number.equals("X") || number.equals("*")) {
                    break;
                }
                try {
                    values[given] = Long.parseLong(number);
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException(problem);
                }
                if (values[given] < 0) {
                    throw new IllegalArgumentException(problem);
                }
                given++;
            }
            if (given == 0) {
                throw new IllegalArgumentException(problem);
            }
            return new Partial(values[0], values[1], values[2], given, List.of());
        }

        boolean complete() {
            return given == 3;
        }

        SemanticVersion floor() {
            return new SemanticVersion(major, minor, patch, prerelease);
        }

        /** The first version above every version this partial one stands for. */
        SemanticVersion nextUp() {
            return given == 1 ? release(major + 1, 0, 0) : given == 2 ? release(major, minor + 1, 0) : release(major, minor, patch + 1);
        }

        SemanticVersion caretCeiling() {
            if (major > 0 || given == 1) {
                return release(major + 1, 0, 0);
            }
            if (minor > 0 || given == 2) {
                return release(0, minor + 1, 0);
            }
            return release(0, 0, patch + 1);
        }

        SemanticVersion tildeCeiling() {
            return given == 1 ? release(major + 1, 0, 0) : release(major, minor + 1, 0);
        }

        /** The lowest pre-release of a release: an exclusive ceiling that no pre-release of it slips under. */
        private static SemanticVersion release(long major, long minor, long patch) {
            return new SemanticVersion(major, minor, patch, List.of("0"));
        }
    }
}
