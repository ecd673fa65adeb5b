package dev.registry.tck;

import dev.registry.Addresses;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * A broker process (nats-server, redis-server, ...) that a test starts itself on a free loopback port, so it
 * can kill, pause and restart it without touching any other test's broker. The binary is found on the PATH
 * or in {@code /usr/sbin}; {@code scripts/test} installs the Debian packages when they are missing. Not
 * thread-safe: one test starts, signals and closes it.
 */
public final class LocalServer implements Broker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    /** Every broker process still running, killed when the JVM exits so that none outlives its test run. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "local-server-reaper"));
    }

    private final String binary;
    private final IntFunction<List<String>> arguments;
    private final int port;
    private final Path logFile;
    private Process process;

    private LocalServer(String binary, IntFunction<List<String>> arguments, int port) {
        this.binary = binary;
        this.arguments = arguments;
        this.port = port;
        try {
            this.logFile = Files.createTempFile(new File(binary).getName() + "-" + port + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code program} with the arguments {@code arguments} builds for a free port, and waits until the
     * port accepts connections.
     */
    public static LocalServer start(String program, IntFunction<List<String>> arguments) {
        return startOnPort(program, Addresses.freePort(), arguments);
    }

    /** As {@link #start}, on a given port (a cluster node whose peers must know its port in advance). */
    public static LocalServer startOnPort(String program, int port, IntFunction<List<String>> arguments) {
        LocalServer server = new LocalServer(findBinary(program), arguments, port);
        server.launch();
        return server;
    }

    /** {@code 127.0.0.1}: the server listens on loopback only. */
    @Override
    public String host() {
        return "127.0.0.1";
    }

    /** The port the server listens on, unchanged across restarts. */
    @Override
    public int port() {
        return port;
    }

    /** The process id of the running server. */
    public long pid() {
        return process.pid();
    }

    /**
     * What the binary says of its version, the first line of {@code <binary> --version} (such as
     * {@code nats-server: v2.9.10}), for reports that name the broker they measured; {@code unknown (...)} when
     * it cannot be run.
     */
    public String version() {
        try {
            Process version = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor();
            return output.lines().findFirst().orElse("unknown (no output)");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    /** Where the server's output goes, to read when a test fails. */
    public Path logFile() {
        return logFile;
    }

    /** SIGKILL: the server dies without closing its connections cleanly. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Starts the server again on the same port after {@link #kill()}. */
    public void restart() {
        if (process.isAlive()) {
            kill();
        }
        launch();
    }

    /**
     * SIGSTOP: the server keeps its sockets open but answers nothing, as an overloaded or frozen broker. Returns
     * once every thread of the process is stopped: {@code kill -STOP} returns when the signal is sent, and on a
     * loaded machine the kernel stops the threads a little later (a server measured still answering a PING sent
     * right after a quarter of the calls), so this reads Linux's {@code /proc} until none runs.
     */
    public void pause() {
        signal("STOP");
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        Await.until("every thread of " + process.pid() + " stopped", () -> everyThreadStopped(tasks));
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

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        signal("CONT");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            resume();
            process.destroy();
            waitForExit();
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(arguments.apply(port));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            Process started = process;
            RUNNING.add(started);
            started.onExit().thenRun(() -> RUNNING.remove(started));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        String address = "127.0.0.1:" + port;
        try {
            Await.until(command + " listening on " + address, START_TIMEOUT, () -> accepts() || !process.isAlive());
        } catch (AssertionError timedOut) {
            throw new IllegalStateException(timedOut.getMessage() + "; its log: " + readLog(), timedOut);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException(command + " exited " + process.exitValue() + " before listening on "
                    + address + "; its log: " + readLog());
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + binary, e);
        }
    }

    private void waitForExit() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String readLog() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String findBinary(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        directories.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"));
        for (String directory : directories) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new IllegalStateException(program + " is not installed; run scripts/test (it installs the Debian"
                + " package) or apt-get install " + program);
    }
}
