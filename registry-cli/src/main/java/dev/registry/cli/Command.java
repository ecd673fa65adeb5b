package dev.registry.cli;

/** One of the tool's commands; returns the process's exit status. Runs on the main thread. */
@FunctionalInterface
interface Command {

    /** Exit status: done. */
    int OK = 0;
    /** Exit status: nothing found, or the operation failed. */
    int FAILED = 1;
    /** Exit status: the command line or the environment is wrong. */
    int USAGE = 2;

    /**
     * @throws UsageException when the arguments are wrong in a way only the command can tell
     */
    int run(Invocation invocation) throws UsageException;
}
