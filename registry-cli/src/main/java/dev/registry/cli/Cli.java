package dev.registry.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code registry} tool as picocli runs it: the command tree of {@link RegistryCommand}, usage in the
 * tool's style on every command, usage errors reported by {@link UsageErrors}, and an option given twice
 * taking its last value, as in most tools (picocli refuses it by default).
 */
final class Cli {

    private Cli() {
    }

    /**
     * The tool, reading the {@code REGISTRY_*} variables from {@code environment}; {@link CommandLine#execute}
     * runs a command line and returns its exit status.
     *
     * @param environment the process environment, or a map standing for it in tests
     * @return the command line, printing to {@code System.out} and {@code System.err} unless told otherwise
     */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine cli = new CommandLine(new RegistryCommand(environment))
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(new UsageErrors());
        lowerCaseHeadings(cli);
        return cli;
    }

    /**
     * One style for every command, picocli's {@code help} and {@code generate-completion} included, as the
     * error messages print synopses: {@code usage: registry get ...}.
     */
    private static void lowerCaseHeadings(CommandLine command) {
        command.getCommandSpec().usageMessage()
                .synopsisHeading("usage: ")
                .descriptionHeading("%n")
                .parameterListHeading("%narguments:%n")
                .optionListHeading("%noptions:%n")
                .commandListHeading("%ncommands:%n")
                .footerHeading("%n");
        command.getSubcommands().values().forEach(Cli::lowerCaseHeadings);
    }
}
