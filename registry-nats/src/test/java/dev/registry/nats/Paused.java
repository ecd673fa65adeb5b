package dev.registry.nats;

import dev.registry.testkit.Await;
import dev.registry.testkit.LocalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Pausing a broker for a test that needs it stalled from a known moment on. {@code kill -STOP} returns once the
 * signal is sent, but the kernel stops the process's threads a little later: on a loaded machine a server
 * measured still running right after a quarter of the calls, and answered a PING sent then. So this waits,
 * on Linux's {@code /proc}, until every thread of the process is stopped.
 */
final class Paused {

    private Paused() {
    }

    /** Pauses {@code server} (SIGSTOP) and returns once none of its threads runs any more. */
    static void pause(LocalServer server) {
        server.pause();
        Path tasks = Path.of("/proc", Long.toString(server.pid()), "task");
        Await.until("every thread of " + server.pid() + " stopped", () -> everyThreadStopped(tasks));
    }

    private static boolean everyThreadStopped(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.allMatch(thread -> isStopped(thread.resolve("stat")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the state field of a {@code /proc/.../stat} line, after the parenthesised name, says stopped. */
    private static boolean isStopped(Path stat) {
        try {
            String line = Files.readString(stat);
            char state = line.charAt(line.lastIndexOf(')') + 2);
            return state == 'T' || state == 't';
        } catch (IOException threadEnded) {
            return true; // a thread that ended while being listed runs no more
        }
    }
}
