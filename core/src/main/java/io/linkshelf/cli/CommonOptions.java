package io.linkshelf.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes, per ARCHITECTURE.md's CLI contract. */
final class CommonOptions {

    @Option(names = "--archive", paramLabel = "DIR", defaultValue = "archive",
            description = "Archive root (default: ${DEFAULT-VALUE}).")
    Path archive = Path.of("archive");

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces and debug detail on errors.")
    boolean verbose;
}
