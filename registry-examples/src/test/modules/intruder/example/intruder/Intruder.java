package example.intruder;

import dev.registry.internal.DefaultRegistry;

/** Names an internal class: "package dev.registry.internal is not visible". */
public final class Intruder {

    public static final Class<?> REACHED = DefaultRegistry.class;
}
