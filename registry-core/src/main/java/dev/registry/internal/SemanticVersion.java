package dev.registry.internal;

import java.util.List;

/**
 * A version as Semantic Versioning 2.0 defines it ({@code 1.4.2-rc.1+build.5}), ordered by its precedence:
 * major, minor, patch numerically; a pre-release below its release; pre-release identifiers compared one by one,
 * numbers numerically and below text; build metadata ignored. Immutable.
 *
 * @param prerelease the dot-separated pre-release identifiers, empty for a release
 */
record SemanticVersion(long major, long minor, long patch, List<String> prerelease) implements Comparable<SemanticVersion> {

    /** The version {@code text} holds (a leading {@code v} allowed), or null when it is not a SemVer version. */
    static SemanticVersion parseOrNull(String text) {
        String version = text.startsWith("v") ? text.substring(1) : text;
        int plus = version.indexOf('+');
        if (plus >= 0) {
            version = version.substring(0, plus);
        }
        int dash = version.indexOf('-');
        String core = dash < 0 ? version : version.substring(0, dash);
        List<String> prerelease = dash < 0 ? List.of() : List.of(version.substring(dash + 1).split("\\.", -1));
        String[] numbers = core.split("\\.", -1);
        if (numbers.length != 3 || prerelease.stream().anyMatch(String::isEmpty)) {
            return null;
        }
        try {
            return new SemanticVersion(number(numbers[0]), number(numbers[1]), number(numbers[2]), prerelease);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Whether this is a pre-release ({@code 2.0.0-beta}). */
    boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Whether {@code other} has the same major, minor and patch. */
    boolean sameRelease(SemanticVersion other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int release = major != other.major ? Long.compare(major, other.major)
                : minor != other.minor ? Long.compare(minor, other.minor) : Long.compare(patch, other.patch);
        if (release != 0) {
            return release;
        }
        if (prerelease.isEmpty() || other.prerelease.isEmpty()) {
            return Boolean.compare(prerelease.isEmpty(), other.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), other.prerelease.size()); i++) {
            int identifier = compareIdentifiers(prerelease.get(i), other.prerelease.get(i));
            if (identifier != 0) {
                return identifier;
            }
        }
        return Integer.compare(prerelease.size(), other.prerelease.size());
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (prerelease.isEmpty() ? "" : "-" + String.join(".", prerelease));
    }

    private static int compareIdentifiers(String a, String b) {
        boolean aNumeric = isNumeric(a);
        boolean bNumeric = isNumeric(b);
        if (aNumeric && bNumeric) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        return aNumeric ? -1 : bNumeric ? 1 : a.compareTo(b);
    }

    private static boolean isNumeric(String identifier) {
        return !identifier.isEmpty() && identifier.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long number(String digits) {
        if (!isNumeric(digits) || digits.length() > 1 && digits.charAt(0) == '0' || digits.length() > 18) {
            throw new NumberFormatException(digits);
        }
        return Long.parseLong(digits);
    }
}
