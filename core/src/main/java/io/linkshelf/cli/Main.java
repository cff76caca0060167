package io.linkshelf.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The process entry point; the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {}

    /**
     * The process's standard output as a writer. Commands that stream bulk bytes (grep) recognise it
     * by identity and write to {@link System#out} directly; a test that gives the command line a
     * writer of its own gets everything through that writer.
     */
    static final PrintWriter STDOUT =
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        cli.setOut(STDOUT);
        System.exit(cli.execute(args));
    }

    /** The fully configured command line, shared by {@link #main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LinkshelfCommand());
        cli.setExitCodeExceptionMapper(ExitCodes::forException);
        cli.setExecutionExceptionHandler(new OneLineErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
