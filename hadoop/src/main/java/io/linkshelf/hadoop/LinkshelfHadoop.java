package io.linkshelf.hadoop;

import io.linkshelf.cli.ExitCodes;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.GenericOptionsParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hadoop jar linkshelf-hadoop.jar grep|text ...}: Hadoop's generic options ({@code -D name=value},
 * {@code -fs}, {@code -conf}...) come first, then a job and its options.
 */
@Command(name = "linkshelf-hadoop",
        description = "linkshelf's grep and text store as MapReduce jobs over an archive's WARC files.",
        footer = {"", "Hadoop's generic options (-D name=value, -fs URI, -conf FILE) go before the job's name."},
        mixinStandardHelpOptions = true,
        versionProvider = LinkshelfHadoop.Version.class)
public final class LinkshelfHadoop implements Runnable {

    /** Exit codes, as {@code linkshelf grep} has them. */
    static final int OK = 0;
    static final int NO_MATCH = 1;
    static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) throws IOException {
        Configuration conf = new Configuration();
        String[] rest = new GenericOptionsParser(conf, args).getRemainingArgs();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(conf, rest, out, err));
    }

    /** Runs a job with a configuration of the caller's (the tests give it a local or mini cluster). */
    public static int run(Configuration conf, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new LinkshelfHadoop());
        cli.addSubcommand("grep", new GrepJobCommand(conf));
        cli.addSubcommand("text", new TextJobCommand(conf));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("linkshelf-hadoop: " + e.getMessage() + " (see --help)");
            return ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            // the same scheme as linkshelf grep: one line, 2 for an error, 70 for a bug, the trace with -v
            commandLine.getErr().println(ExitCodes.describe("linkshelf-hadoop", e));
            if (parsed.hasMatchedOption("-v") || parsed.subcommands().stream().anyMatch(s -> s.hasMatchedOption("-v"))) {
                e.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return ExitCodes.forJob(e);
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a job: grep or text");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LinkshelfHadoop.class.getPackage().getImplementationVersion();
            return new String[] {"linkshelf-hadoop " + (version == null ? "(development build)" : version),
                    "Hadoop " + org.apache.hadoop.util.VersionInfo.getVersion()};
        }
    }
}
