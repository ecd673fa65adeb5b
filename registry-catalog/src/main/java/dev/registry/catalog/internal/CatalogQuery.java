package dev.registry.catalog.internal;

/**
 * What a blocking endpoint answers for one request: its body and its index in a given view. The index rises
 * whenever the body may have changed, so a blocking query parked on it returns on every change of its answer.
 */
interface CatalogQuery {

    /** The endpoint's {@code X-Consul-Index} in {@code view}, at least 1. */
    long index(CatalogView view);

    /** The endpoint's JSON body in {@code view}: records, lists and maps of them. */
    Object body(CatalogView view);
}
