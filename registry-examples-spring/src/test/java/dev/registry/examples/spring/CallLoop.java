package dev.registry.examples.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls the caller's {@code /call} again and again, one call at a time, a millisecond apart, and keeps every
 * outcome with its start and end, so that a test can tell when the caller stopped choosing a greeter and when it
 * started choosing another. Stops in {@link #close()}.
 */
final class CallLoop implements AutoCloseable {

    /** One call: when it started and ended ({@link System#nanoTime()}), its HTTP status (0: failed) and body. */
    record Call(long start, long end, int status, String body) {

        boolean answeredBy(String greeter) {
            return status == 200 && body.endsWith("from greeter " + greeter);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI call;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "call-loop");
        thread.setDaemon(true);
        return thread;
    });

    private CallLoop(int callerPort) {
        this.call = URI.create("http://127.0.0.1:" + callerPort + "/call?name=test");
    }

    /** Starts calling the caller on {@code callerPort}, 1 ms after the previous call ended. */
    static CallLoop start(int callerPort) {
        CallLoop loop = new CallLoop(callerPort);
        loop.runner.scheduleWithFixedDelay(loop::callOnce, 0, 1, TimeUnit.MILLISECONDS);
        return loop;
    }

    /** One call now, on the caller's thread. */
    static Call once(HttpClient http, URI call) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(call).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Call(start, System.nanoTime(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Call(start, System.nanoTime(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(start, System.nanoTime(), 0, e.toString());
        }
    }

    /** Every call so far, in order. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls that started at or after {@code moment}. */
    List<Call> since(long moment) {
        return calls().stream().filter(call -> call.start() >= moment).toList();
    }

    /** The first call answered by {@code greeter} that started at or after {@code moment}. */
    Optional<Call> firstAnswerFrom(String greeter, long moment) {
        return since(moment).stream().filter(call -> call.answeredBy(greeter)).findFirst();
    }

    /** Stops calling, after the call under way. */
    @Override
    public void close() {
        runner.shutdown();
        try {
            runner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void callOnce() {
        calls.add(once(http, call));
    }
}
