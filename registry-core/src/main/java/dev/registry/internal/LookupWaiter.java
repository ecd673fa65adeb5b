package dev.registry.internal;

/** A pending lookup of one name, woken when the name's instances change, it becomes warm, or the registry closes. */
interface LookupWaiter {

    /** Called on a registry or transport thread: must only signal, never block or run user code. */
    void wake();
}
