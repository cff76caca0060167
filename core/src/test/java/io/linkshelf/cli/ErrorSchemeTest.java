package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.SeedFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ErrorSchemeTest {

    /** A subcommand that fails the way it is told, to see what the one error scheme makes of it. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        final Exception error;

        Fail(Exception error) {
            this.error = error;
        }

        @Override
        public Integer call() throws Exception {
            throw error;
        }
    }

    private static CliRun run(Exception error, String... args) {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand("fail", new Fail(error));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "fail";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CliRun(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionIsABugExit70WithOneLineAskingForAReport() {
        CliRun run = run(new IllegalStateException("index 3 out of bounds"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INTERNAL).isEqualTo(70);
        assertThat(run.err().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("internal error").contains("IllegalStateException").contains("index 3 out of bounds")
                .contains("please report"));
    }

    @Test
    void anIllegalArgumentIsABugNotAUsageError() {
        CliRun run = run(new IllegalArgumentException("bad state"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INTERNAL);
    }

    @Test
    void withVerboseTheBugShowsItsStackTrace() {
        CliRun run = run(new IllegalStateException("boom"), "-v");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INTERNAL);
        assertThat(run.err()).contains("please report").contains("\tat io.linkshelf.cli.ErrorSchemeTest");
    }

    @Test
    void typedFailuresCarryTheirCodesAndShowJustTheirMessage() {
        CliRun locked = run(new ArchiveUnusableException("the archive a is in use by pid 1", null));
        assertThat(locked.exitCode()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        assertThat(locked.err().strip()).isEqualTo("linkshelf: the archive a is in use by pid 1");

        CliRun seeds = run(new SeedFileException(Path.of("links.md"), "no links", null));
        assertThat(seeds.exitCode()).isEqualTo(ExitCodes.USAGE);

        CliRun io = run(new UncheckedIOException(new IOException("disk full")));
        assertThat(io.exitCode()).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(io.err()).doesNotContain("please report");
    }

    @Test
    void grepAndTheJobsMapAnErrorTo2AndABugTo70() {
        assertThat(ExitCodes.forJob(new IOException("no text store"))).isEqualTo(2);
        assertThat(ExitCodes.forJob(new UncheckedIOException(new IOException("x")))).isEqualTo(2);
        assertThat(ExitCodes.forJob(new NullPointerException())).isEqualTo(70);
    }
}
