package dev.registry.internal;

/**
 * The topic strings of one main topic (docs/PROTOCOL.md): {@code <prefix>.register.<name>},
 * {@code <prefix>.unregister.<name>}, {@code <prefix>.ping.<name>}. Immutable.
 */
final class Topics {

    private final String registerPrefix;
    private final String unregisterPrefix;
    private final String pingPrefix;

    public Topics(String mainTopic) {
        this.registerPrefix = mainTopic + ".register.";
        this.unregisterPrefix = mainTopic + ".unregister.";
        this.pingPrefix = mainTopic + ".ping.";
    }

    public String register(String name) {
        return registerPrefix + name;
    }

    public String unregister(String name) {
        return unregisterPrefix + name;
    }

    public String ping(String name) {
        return pingPrefix + name;
    }

    /** The wildcard matching every register topic. */
    public String registerAll() {
        return registerPrefix + "*";
    }

    /** The wildcard matching every unregister topic. */
    public String unregisterAll() {
        return unregisterPrefix + "*";
    }

    /** Whether {@code topic} is a register topic (else it is an unregister topic of this prefix). */
    public boolean isRegister(String topic) {
        return topic.startsWith(registerPrefix);
    }

    /** Whether {@code topic} is the register topic of {@code name}, without building that topic. */
    public boolean isRegisterOf(String topic, String name) {
        return topic.length() == registerPrefix.length() + name.length() && topic.startsWith(registerPrefix)
                && topic.endsWith(name);
    }

    /** The service name at the end of a register or unregister topic of this prefix. */
    public String nameOf(String topic) {
        return topic.substring(isRegister(topic) ? registerPrefix.length() : unregisterPrefix.length());
    }
}
