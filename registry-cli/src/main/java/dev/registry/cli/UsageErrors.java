package dev.registry.cli;

import java.io.PrintWriter;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a wrong command line or environment as the tool reports every failure: one line on stderr,
 * {@code registry: } and what is wrong, then the command's synopsis as picocli generates it (or where to find
 * the usage, when no command was recognized); exit status 2:
 *
 * <pre>
 * registry: Missing required parameter: 'NAME'
 * usage: registry get [OPTIONS] NAME; 'registry get --help' tells more
 * </pre>
 *
 * Stateless.
 */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("registry: " + message(e));
        if (command.getParent() == null) {
            err.println("run 'registry help' for usage");
        } else {
            // picocli's abbreviated synopsis keeps this to one line: the full one lists the shared options too
            String name = command.getCommandSpec().qualifiedName();
            err.println("usage: " + command.getHelp().abbreviatedSynopsis().strip() + "; '" + name + " --help' tells more");
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * What is wrong, in one line: picocli's message, but for an unknown command (named with the commands there
     * are) and for a value an option's converter refused ({@code --wait '5': not a duration ...}: the option
     * and the value as written, then the converter's reason, instead of picocli's {@code Invalid value for
     * option '--wait': ...}). Picocli's {@code help} and {@code generate-completion} are not listed: the
     * next line points to {@code help}.
     */
    private static String message(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.isUnknownOption() && !unmatched.getUnmatched().isEmpty()) {
            TreeSet<String> commands = new TreeSet<>();
            command.getSubcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().helpCommand()) {
                    commands.add(name);
                }
            });
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are "
                    + String.join(", ", commands);
        }
        if (e.getCause() instanceof TypeConversionException reason && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " '" + e.getValue() + "': " + reason.getMessage();
        }
        return e.getMessage();
    }
}
