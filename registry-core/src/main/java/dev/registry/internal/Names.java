package dev.registry.internal;

/**
 * Validation of the strings that become parts of topics, one rule for every transport, applied when a
 * {@code Service} is built and at every lookup of a new name. A name is one topic token, so it must not hold a
 * separator or a wildcard of any bus: {@code .} (NATS separator), {@code *} and {@code >} (wildcards), or
 * whitespace of any kind (NATS protocol delimiter). Redis glob characters {@code ? [ ]} are refused too, so a
 * name is matched literally by a pattern subscription. Non-ASCII letters are welcome ({@code café}, {@code 服务}).
 */
public final class Names {

    /** The longest service name accepted. */
    public static final int MAX_LENGTH = 128;

    /** The longest address accepted. */
    public static final int MAX_ADDRESS_LENGTH = 1024;

    private Names() {
    }

    /** Returns {@code name} if it is a valid service name, else throws saying what is wrong. */
    public static String requireValidServiceName(String name) {
        String problem = serviceNameProblem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }

    /** Why {@code name} is not a valid service name, or {@code null} when it is. */
    public static String serviceNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "service name must not be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "service name must be at most " + MAX_LENGTH + " characters, but was " + name.length();
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            String problem = characterProblem(c);
            if (problem != null) {
                return "service name must not contain " + problem + ", but '" + printable(name) + "' has U+"
                        + String.format("%04X", c) + " at index " + i;
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /**
     * What is wrong with {@code c} in a name, or null. Names travel as topic tokens on every bus (raw UTF-8 on
     * NATS, as nats.go sends them; byte-for-byte channel names on Redis), so any other Unicode character works;
     * refused are the characters that split or match topics, those no one can see or type reliably (Unicode
     * whitespace, control and format characters such as U+200B), and unpaired surrogates, which have no UTF-8.
     */
    private static String characterProblem(int c) {
        if (".*>?[]".indexOf(c) >= 0) {
            return "any of . * > ? [ ]";
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace";
        }
        int type = Character.getType(c);
        if (type == Character.CONTROL || type == Character.FORMAT) {
            return "control or format characters";
        }
        if (type == Character.SURROGATE) {
            return "an unpaired surrogate";
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c != ' ' && characterProblem(c) != null && ".*>?[]".indexOf(c) < 0) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }

    /** Throws if {@code address} of service {@code name} is empty, too long or holds whitespace. */
    public static void requireValidAddress(String name, String address) {
        if (address.isEmpty()) {
            throw new IllegalArgumentException("address of service '" + name + "' must be set, e.g. \"10.0.0.5:8080\"");
        }
        if (address.length() > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("address of service '" + name + "' must be at most "
                    + MAX_ADDRESS_LENGTH + " characters, but was " + address.length());
        }
        for (int i = 0; i < address.length(); i++) {
            if (Character.isWhitespace(address.charAt(i))) {
                throw new IllegalArgumentException("address of service '" + name
                        + "' must not contain whitespace, but was '" + address + "'");
            }
        }
    }

    /** Returns {@code topic} if it is a valid main topic (dot-separated valid tokens), else throws. */
    public static String requireValidMainTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("main topic must not be empty");
        }
        for (String token : topic.split("\\.", -1)) {
            String problem = serviceNameProblem(token);
            if (problem != null) {
                throw new IllegalArgumentException("main topic must be dot-separated non-empty tokens without"
                        + " whitespace or wildcards, but was '" + topic + "'");
            }
        }
        return topic;
    }
}
