package dev.registry;

/** Why an incoming message was dropped; counted per reason in {@link RegistryStats}. */
public enum DropReason {
    /** Larger than the configured maximum message size. */
    TOO_LARGE,
    /** Not valid JSON or not valid UTF-8, nested too deep, or a field of the wrong type. */
    MALFORMED,
    /** A name or address that is missing or invalid. */
    INVALID_SERVICE,
    /** The name in the message is not the name in its topic. */
    NAME_MISMATCH,
    /** A register message without its {@code t} timestamps. */
    MISSING_TIMESTAMPS,
    /** A register interval that is zero, negative or absurdly long. */
    BAD_DURATION,
    /** Rejected by one of the registry's observe filters. */
    OBSERVE_FILTER,
    /** A signing key is set and the message carries no signature. */
    UNSIGNED,
    /** A signing key is set and the message's signature is wrong. */
    BAD_SIGNATURE,
    /** A signing key is set and the signed message is older than its due time: a replay. */
    REPLAYED
}
