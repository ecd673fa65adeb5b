package dev.registry.nats;

import dev.registry.Service;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What NATS micro (ADR-32) allows as a service's name, id and version, and how a registry instance gets them.
 * Stateless and thread-safe.
 */
final class MicroNames {

    /** ADR-32's names, as the {@code io.nats.micro.v1} schemas check them: ASCII letters, digits, dash, underscore. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]+");

    /** The version when an instance has none, or one that is not SemVer. */
    static final String NO_VERSION = "0.0.0";

    /** The regular expression semver.org suggests, as the micro schemas use it. */
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(DIGITS.length());
    /** 62^22 > 2^128: every 128-bit value fits in 22 digits, the length of the NUIDs micro services use. */
    static final int ID_LENGTH = 22;

    private MicroNames() {
    }

    /** Whether {@code name} is a valid micro service name; a registry name may not be (such as {@code café}). */
    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** {@code version} when it is SemVer 2.0, else {@value #NO_VERSION} (also for an empty one). */
    static String version(String version) {
        return version != null && SEMVER.matcher(version).matches() ? version : NO_VERSION;
    }

    /**
     * The micro id of an instance: the first 128 bits of the SHA-256 of its {@link Service#id()} in 22 base-62
     * digits (letters and digits only, so it is one subject token). The same instance (name and address) gets
     * the same id in every process and after every restart; two instances practically never share one.
     */
    static String id(Service service) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(service.id().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        BigInteger value = new BigInteger(1, Arrays.copyOf(digest, 16));
        char[] id = new char[ID_LENGTH];
        for (int i = ID_LENGTH - 1; i >= 0; i--) {
            BigInteger[] quotientAndDigit = value.divideAndRemainder(BASE);
            id[i] = DIGITS.charAt(quotientAndDigit[1].intValue());
            value = quotientAndDigit[0];
        }
        return new String(id);
    }
}
