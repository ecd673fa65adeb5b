package dev.registry.benchmarks.harness;

import com.sun.management.OperatingSystemMXBean;
import dev.registry.Filters;
import dev.registry.Registry;
import dev.registry.RegistryOptions;
import dev.registry.ServiceEvent;
import dev.registry.benchmarks.fixture.GoMessages;
import dev.registry.nats.NatsPubsub;
import io.nats.client.Dispatcher;
import io.nats.client.Statistics;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A registry in a JVM of its own, over NATS, in one of three roles. {@code owner}, a service process (the
 * failure-detection samples, the heartbeat-cost process, the fleet's owners): registers {@code names x count}
 * instances at the interval and prints {@code registered}; instance {@code i} of name {@code n} is
 * {@code <prefix>-<n>} at {@link GoMessages#address} of {@code first + n * count + i}. {@code all}, the fleet's
 * observer of every name ({@code observeAll}): prints {@code seen <address> <nanoTime>} when an instance at an
 * address starting with {@link #PROBE_PREFIX} is registered (the machine's monotonic clock, which the harness's
 * {@code nanoTime} shares). {@code lookup}: looks up each of its names with the load-balance filter, all of them
 * every 10 ms (5,000 lookups a second for 50 names), which keeps them observed. An observer prints {@code ready}
 * once it caches {@code count} instances, or ends at once if it cannot within two minutes.
 *
 * <p>Commands on standard input: {@code measure <seconds>} prints {@code result cpuNanos=.. wallNanos=..
 * outMessages=.. outBytes=.. messages=..} (the whole process's CPU time, every thread, GC and JIT; what its
 * connection wrote; register messages its registry received) and, for an observer, {@code heapBytes=..} (used
 * heap after a full GC); {@code mark} (an observer) prints {@code armed}, then {@code resynced <nanoTime>} once its
 * connection has delivered a register message of every one of its instances again. Ends when standard input
 * closes, or when it is killed.
 *
 * <p>Arguments: {@code <owner|all|lookup> <nats url> <main topic> <name prefix> <names> <count> <interval millis>
 * <first address>}.
 *
 * <p>An instance is the harness's end: a child JVM it started from its own class path ({@link #start}), when a
 * figure needs a process of its own (one that can be SIGKILLed, or whose CPU time is the figure). The child's
 * standard output is queued, one line per fact, by a daemon thread, so that a wait for a line has a deadline; its
 * standard error goes to the harness's. Not thread-safe: one thread talks to a child.
 */
public final class ChildProcess implements AutoCloseable {

    /** Addresses of the instances whose propagation the fleet times: {@code 10.250.x.y}. */
    static final String PROBE_PREFIX = "10.250.";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Small, fast-starting JVMs, for children that run a few registrations or an observer. */
    static final List<String> SMALL = List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final String END = "\u0000end";

    private final Process process;
    private final BufferedWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process) {
        this.process = process;
        this.input = process.outputWriter();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = process.inputReader()) {
                output.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ended) {
                // the child is gone: the end marker below tells the waiting thread
            }
            lines.add(END);
        }, "bench-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a child JVM running {@link #main} with {@code jvmOptions} and {@code arguments}. */
    static ChildProcess start(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildProcess.class.getName()));
        command.addAll(arguments);
        try {
            return new ChildProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** Sends one command line. */
    void send(String command) {
        try {
            input.write(command + "\n");
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(this + " takes no more commands", e);
        }
    }

    /** The next line the child printed that starts with {@code prefix}, without it; earlier lines are skipped. */
    String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException(this + " printed no '" + prefix + "' within " + timeout);
                }
                if (line.equals(END)) {
                    lines.add(END);
                    throw new IllegalStateException(this + " ended before printing '" + prefix + "'");
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + this, e);
        }
    }

    /** The numbers of the next {@code result key=value ...} line, by key. */
    Map<String, Double> awaitResult(Duration timeout) {
        Map<String, Double> values = new HashMap<>();
        for (String pair : awaitLine("result", timeout).split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), Double.parseDouble(pair.substring(pair.indexOf('=') + 1)));
        }
        return values;
    }

    /** SIGKILL: the child stops at once, sending nothing more (no unregister, no goodbye to the broker). */
    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "child JVM " + process.pid();
    }


    /** Runs the process; arguments as the class says. */
    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        String role = args[0];
        NatsPubsub pubsub = NatsPubsub.connect(args[1]);
        String topic = args[2];
        String prefix = args[3];
        int names = Integer.parseInt(args[4]);
        int count = Integer.parseInt(args[5]);
        boolean owner = role.equals("owner");
        Registry registry = Registry.connect(pubsub, owner ? RegistryOptions.builder().mainTopic(topic)
                .registerInterval(Duration.ofMillis(Long.parseLong(args[6]))).unregisterOnShutdown(false).build()
                : Bench.options(topic));
        if (owner) {
            int first = Integer.parseInt(args[7]);
            for (int n = 0; n < names; n++) {
                for (int i = 0; i < count; i++) {
                    registry.register(Bench.service(prefix + "-" + n, GoMessages.address(first + n * count + i)));
                }
            }
            print("registered");
        } else {
            if (role.equals("all")) {
                registry.observeAll(ChildProcess::stampProbe);
            } else {
                Thread lookups = new Thread(() -> lookUp(registry, prefix, names), "bench-lookups");
                lookups.setDaemon(true);
                lookups.start();
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (registry.stats().cacheSize() < count && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000_000);
            }
            if (registry.stats().cacheSize() < count) {
                // ending at once tells the harness, whose wait for "ready" then fails without waiting out its own timeout
                System.err.println("observer: " + registry.stats().cacheSize() + " of " + count + " instances after " + TIMEOUT);
                System.exit(1);
            }
            print("ready");
        }
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.startsWith("measure ")) {
                measure(pubsub, registry, owner, Duration.ofSeconds(Long.parseLong(command.substring(8).trim())));
            } else if (command.equals("mark")) {
                // subscribed only now, so that the measured window carries no extra subscription; jnats sends it to the
                // server on (re)connecting, with the registry's own
                Set<String> seen = ConcurrentHashMap.newKeySet();
                CompletableFuture<Long> resynced = new CompletableFuture<>();
                Dispatcher dispatcher = pubsub.connection().createDispatcher(message -> {
                    if (seen.add(ProcessRuns.addressOf(message.getData())) && seen.size() >= count) {
                        resynced.complete(System.nanoTime());
                    }
                });
                if (role.equals("all")) {
                    dispatcher.subscribe(topic + ".register.*");
                } else {
                    for (int n = 0; n < names; n++) {
                        dispatcher.subscribe(topic + ".register." + prefix + "-" + n);
                    }
                }
                print("armed");
                print("resynced " + resynced.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
        }
        // standard input closed: the harness is done with this process (or gone)
        registry.close();
    }

    private static void stampProbe(ServiceEvent event) {
        if (event.type() == ServiceEvent.Type.REGISTERED && event.service().address().startsWith(PROBE_PREFIX)) {
            print("seen " + event.service().address() + " " + System.nanoTime());
        }
    }

    private static void lookUp(Registry registry, String prefix, int names) {
        while (true) {
            for (int n = 0; n < names; n++) {
                registry.findService(prefix + "-" + n, Filters.loadBalance());
            }
            LockSupport.parkNanos(10_000_000);
        }
    }

    private static void measure(NatsPubsub pubsub, Registry registry, boolean owner, Duration window) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Statistics wire = pubsub.connection().getStatistics();
        long cpu = os.getProcessCpuTime();
        long outMessages = wire.getOutMsgs();
        long outBytes = wire.getOutBytes();
        long messages = registry.stats().messagesIn();
        long start = System.nanoTime();
        Bench.pause(window);
        print("result cpuNanos=" + (os.getProcessCpuTime() - cpu) + " wallNanos=" + (System.nanoTime() - start)
                + " outMessages=" + (wire.getOutMsgs() - outMessages) + " outBytes=" + (wire.getOutBytes() - outBytes)
                + " messages=" + (registry.stats().messagesIn() - messages) + (owner ? "" : " heapBytes=" + Bench.usedHeapAfterGc()));
    }

    /** One line to the harness; {@code println} writes a line whole, whichever thread calls it. */
    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
