package dev.registry.catalog.internal;

/** One path of the server: answers a {@code GET} now or later, on any thread. */
interface Endpoint {

    /**
     * Answers {@code request}, now or later; the exchange is closed once answered.
     *
     * @throws HttpError when the request is answered with an error at once (bad parameters)
     */
    void handle(Request request) throws HttpError;
}
