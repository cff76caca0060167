package io.linkshelf.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Shows the user one line per failure (a bug says so); the stack trace only with {@code -v}; the code from {@link ExitCodes}. */
final class OneLineErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        err.println(cli.getColorScheme().errorText(ExitCodes.describe("linkshelf", error)));
        if (parsed.hasMatchedOption("-v") || parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("-v"))) {
            error.printStackTrace(err);
        }
        err.flush();
        // grep keeps grep's convention: 2 for an error (1 would read as "no match"), 70 for a bug alike
        return cli.getCommand() instanceof GrepCommand ? ExitCodes.forJob(error) : ExitCodes.forException(error);
    }

}
