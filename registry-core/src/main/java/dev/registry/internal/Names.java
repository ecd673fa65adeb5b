package dev.registry.internal;

/**
 * Validation of the strings that become parts of topics. A name is one topic token, so it must not hold a
 * separator or a wildcard of any bus: {@code .} (NATS separator), {@code *} and {@code >} (wildcards), or
 * whitespace (NATS protocol delimiter). Redis glob characters {@code ? [ ]} are refused too, so a name is
 * matched literally by a pattern subscription.
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
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || ".*>?[]".indexOf(c) >= 0) {
                return "service name must not contain whitespace, control characters or any of . * > ? [ ], but was '"
                        + name + "'";
            }
        }
        return null;
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
