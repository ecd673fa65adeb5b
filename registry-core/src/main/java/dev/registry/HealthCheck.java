package dev.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An active health check the owning process runs for one of its registrations, as Consul's agent does:
 * {@code registry.register(service, HealthCheck.http("http://127.0.0.1:8080/health"))}. Every
 * {@linkplain #interval() interval} the probe runs with a {@linkplain #timeout() timeout}; a probe that answers
 * sets the registration's status (published at once when it changes, so observers get {@code UPDATED}); after
 * {@linkplain #retries() retries} consecutive failures (an exception, a non-2xx answer, or no answer within the
 * timeout) the status turns {@link Status#CRITICAL} until a probe succeeds again.
 *
 * <p>Defaults: interval 30 s, timeout 5 s, 3 retries. Immutable and thread-safe. Probes run on the registry's
 * bounded health-check pool, never on its heartbeat thread: a hanging probe cannot delay heartbeats, and a
 * check whose previous probe still hangs is not started again (it counts as failing instead).
 */
public final class HealthCheck {

    /** What a check runs: answers a status, or throws when the instance is unhealthy. */
    @FunctionalInterface
    public interface Probe {
        Status probe(Duration timeout) throws Exception;
    }

    private final String description;
    private final Probe probe;
    private final Duration interval;
    private final Duration timeout;
    private final int retries;

    private HealthCheck(String description, Probe probe, Duration interval, Duration timeout, int retries) {
        this.description = description;
        this.probe = probe;
        this.interval = interval;
        this.timeout = timeout;
        this.retries = retries;
    }

    /** Passing when a GET of {@code url} answers 2xx within the timeout; failing otherwise. */
    public static HealthCheck http(String url) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("health check URL must be http or https, but was " + url);
        }
        return new HealthCheck("GET " + url, timeout -> {
            // HttpURLConnection runs on the calling (health pool) thread and starts none of its own, unlike
            // java.net.http.HttpClient, whose selector thread would outlive the registry.
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            int millis = (int) Math.max(1, timeout.toMillis());
            connection.setConnectTimeout(millis);
            connection.setReadTimeout(millis);
            try {
                int code = connection.getResponseCode();
                if (code / 100 != 2) {
                    throw new IOException("GET " + url + " answered " + code);
                }
                return Status.PASSING;
            } finally {
                connection.disconnect();
            }
        }, Duration.ofSeconds(30), Duration.ofSeconds(5), 3);
    }

    /** Passing when a TCP connection to {@code host:port} opens within the timeout; failing otherwise. */
    public static HealthCheck tcp(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("health check port must be 1..65535, but was " + port);
        }
        return new HealthCheck("TCP " + host + ":" + port, timeout -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            }
            return Status.PASSING;
        }, Duration.ofSeconds(30), Duration.ofSeconds(5), 3);
    }

    /** The status {@code supplier} returns; a supplier that throws (or hangs past the timeout) fails. */
    public static HealthCheck of(Supplier<Status> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return of("supplier " + supplier, timeout -> Objects.requireNonNull(supplier.get(), "health supplier returned null"));
    }

    /** A check running {@code probe}; {@code description} names it in logs. */
    public static HealthCheck of(String description, Probe probe) {
        return new HealthCheck(Objects.requireNonNull(description, "description"), Objects.requireNonNull(probe, "probe"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 3);
    }

    /** This check run every {@code every} (default 30 s). */
    public HealthCheck withInterval(Duration every) {
        return new HealthCheck(description, probe, positive("interval", every), timeout, retries);
    }

    /** This check giving each probe {@code limit} (default 5 s). */
    public HealthCheck withTimeout(Duration limit) {
        return new HealthCheck(description, probe, interval, positive("timeout", limit), retries);
    }

    /** This check turning critical after {@code failures} consecutive failures (default 3; at least 1). */
    public HealthCheck withRetries(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("health check retries must be >= 1, but was " + failures);
        }
        return new HealthCheck(description, probe, interval, timeout, failures);
    }

    public Duration interval() {
        return interval;
    }

    public Duration timeout() {
        return timeout;
    }

    public int retries() {
        return retries;
    }

    /** The probe this check runs. */
    public Probe probe() {
        return probe;
    }

    @Override
    public String toString() {
        return "HealthCheck{" + description + " every " + interval + ", timeout " + timeout + ", " + retries + " retries}";
    }

    private static Duration positive(String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("health check " + what + " must be > 0, but was " + value);
        }
        return value;
    }
}
