package dev.registry.cli;

import dev.registry.Registry;
import dev.registry.RegistryException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that works on the bus: connects as the environment and the shared options of
 * {@link RegistryCommand} say, runs, and turns a failure into one line on stderr and an exit status instead of a
 * stack trace. Runs once, on the main thread.
 */
abstract class BusCommand implements Callable<Integer> {

    /** Exit status: nothing found, or the bus cannot be reached (picocli's status of a failed command). */
    static final int FAILED = ExitCode.SOFTWARE;

    @ParentCommand
    private RegistryCommand root;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this command's usage")
    private boolean help;

    /**
     * Connects, runs the command, and closes the connection.
     *
     * @return the exit status: {@link ExitCode#OK}, or {@link #FAILED} with the reason on stderr
     * @throws ParameterException for an invalid variable, URL, name or address, so that it is reported as a
     *         usage error (status 2) with the command's synopsis
     */
    @Override
    public final Integer call() {
        CommandLine command = spec.commandLine();
        try {
            Bus bus = root.bus();
            checkBus(bus);
            try (Registry registry = bus.connect()) {
                return run(new Invocation(registry, bus, command.getOut(), command.getErr()));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command, e.getMessage(), e);
        } catch (RegistryException | UncheckedIOException | IllegalStateException e) {
            command.getErr().println("registry: " + e.getMessage());
            if (root.verbose()) {
                e.printStackTrace(command.getErr());
            }
            return FAILED;
        } finally {
            // picocli's writers flush on println only; a table is printed whole, then the JVM exits at once
            command.getOut().flush();
            command.getErr().flush();
        }
    }

    /**
     * Checks, before connecting, that the command can work on {@code bus}; accepts every bus unless a command
     * says otherwise.
     *
     * @param bus the bus the command is about to connect to
     * @throws IllegalArgumentException if it cannot, reported as a usage error (status 2)
     */
    void checkBus(Bus bus) {
    }

    /**
     * Runs the command on a connected registry.
     *
     * @param invocation the registry, the bus and where to print
     * @return the exit status
     */
    abstract int run(Invocation invocation);
}
