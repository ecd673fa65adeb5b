package dev.registry.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP requests to a catalog server, with the JDK's client, as curl would send them. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** {@code GET url}. */
    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    /** {@code GET url} without waiting for the answer: many of them wait together on the client's own threads. */
    static CompletableFuture<HttpResponse<String>> getAsync(String url) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(11)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** {@code method url} without a body. */
    static HttpResponse<String> send(String method, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code request}, waiting at most 11 minutes (a blocking query's longest wait and its jitter). */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofMinutes(11)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The value of {@code header} in {@code response}, failing when it is absent. */
    static String header(HttpResponse<?> response, String header) {
        return response.headers().firstValue(header).orElseThrow(() -> new AssertionError("no " + header + " in "
                + response.headers().map()));
    }
}
