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
 * {@code registry.register(service, HealthCheck.http("http://127.0.0.1:8080/health").interval(Duration.ofSeconds(5)).build())}. Every
 * {@linkplain #interval() interval} the probe runs with a {@linkplain #timeout() timeout}; a probe that answers
 * sets the registration's status (published at once when it changes, so observers get {@code UPDATED}); after
 * {@linkplain #retries() retries} consecutive failures (an exception, a non-2xx answer, or no answer within the
 * timeout) the status turns {@link Status#CRITICAL} until a probe succeeds again.
 *
 * <p>Defaults: interval 30 s, timeout 5 s, 3 retries, set on the {@link Builder} each factory returns. Immutable and
 * thread-safe. Probes run on the registry's
 * bounded health-check pool, never on its heartbeat thread: a hanging probe cannot delay heartbeats, and a
 * check whose previous probe still hangs is not started again (it counts as failing instead).
 */
public final class HealthCheck {

    /** What a check runs: answers a status, or throws when the instance is unhealthy. */
    @FunctionalInterface
    public interface Probe {
        /**
         * Checks the instance once, on a thread of the registry's health-check pool.
         *
         * @param timeout how long the probe may take; a probe still running after it counts as failed
         * @return the instance's status now
         * @throws Exception when the instance is unhealthy (counted as a failure)
         */
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
    public static Builder http(String url) {
        URI uri = URI.create(Objects.requireNonNull(url, "url"));
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("health check URL must be http or https, but was " + url);
        }
        return new Builder("GET " + url, timeout -> {
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
        });
    }

    /** Passing when a TCP connection to {@code host:port} opens within the timeout; failing otherwise. */
    public static Builder tcp(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("health check port must be 1..65535, but was " + port);
        }
        return new Builder("TCP " + host + ":" + port, timeout -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            }
            return Status.PASSING;
        });
    }

    /** The status {@code supplier} returns; a supplier that throws (or hangs past the timeout) fails. */
    public static Builder of(Supplier<Status> supplier) {
        Objects.requireNonNull(supplier, "supplier");
        return of("supplier " + supplier, timeout -> Objects.requireNonNull(supplier.get(), "health supplier returned null"));
    }

    /** A check running {@code probe}; {@code description} names it in logs. */
    public static Builder of(String description, Probe probe) {
        return new Builder(Objects.requireNonNull(description, "description"), Objects.requireNonNull(probe, "probe"));
    }

    /** How often the probe runs. */
    public Duration interval() {
        return interval;
    }

    /** How long one probe may take before it counts as failed. */
    public Duration timeout() {
        return timeout;
    }

    /** Consecutive failures after which the status turns critical. */
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

    /**
     * Builds a {@link HealthCheck} around a probe, from the factories {@link #http}, {@link #tcp} and {@link #of};
     * each setter checks its value. Not thread-safe; the check it builds is immutable.
     */
    public static final class Builder {
        private final String description;
        private final Probe probe;
        private Duration interval = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofSeconds(5);
        private int retries = 3;

        private Builder(String description, Probe probe) {
            this.description = description;
            this.probe = probe;
        }

        /** How often the probe runs. Default 30 s; 1 ms to 1 day. */
        public Builder interval(Duration every) {
            this.interval = within("interval", every, Duration.ofDays(1));
            return this;
        }

        /** How long one probe may take. Default 5 s; 1 ms to 1 h. */
        public Builder timeout(Duration limit) {
            this.timeout = within("timeout", limit, Duration.ofHours(1));
            return this;
        }

        /** Consecutive failures after which the status turns critical. Default 3; 1 to 1,000. */
        public Builder retries(int failures) {
            if (failures < 1 || failures > 1_000) {
                throw new IllegalArgumentException("health check retries must be between 1 and 1000, but was " + failures);
            }
            this.retries = failures;
            return this;
        }

        /** The check. */
        public HealthCheck build() {
            return new HealthCheck(description, probe, interval, timeout, retries);
        }

        private static Duration within(String what, Duration value, Duration max) {
            if (value == null || value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException("health check " + what + " must be between PT0.001S and " + max
                        + ", but was " + value);
            }
            return value;
        }
    }
}
