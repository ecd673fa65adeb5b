package dev.registry.catalog.internal;

/**
 * A request the server answers with an error, as Consul does: a status and a one-line plain-text reason
 * ({@code 400 Invalid wait time}, {@code 500 No path to datacenter}).
 */
public final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status
     * @param reason the body, one line of plain text
     */
    public HttpError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** A {@code 400 Bad Request} with {@code reason}. */
    public static HttpError badRequest(String reason) {
        return new HttpError(400, reason);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
