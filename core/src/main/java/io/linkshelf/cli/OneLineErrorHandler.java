package io.linkshelf.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Shows the user one line per failure; the stack trace only with {@code -v}. */
final class OneLineErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        err.println(cli.getColorScheme().errorText("linkshelf: " + describe(error)));
        if (parsed.hasMatchedOption("-v") || parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("-v"))) {
            error.printStackTrace(err);
        }
        err.flush();
        return cli.getExitCodeExceptionMapper() != null
                ? cli.getExitCodeExceptionMapper().getExitCode(error)
                : ExitCodes.SOME_FAILED;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
