package io.linkshelf.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command: lists the subcommands; does nothing on its own but print help. */
@Command(
        name = "linkshelf",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Keeps a durable, readable, searchable copy of a curated list of articles.",
        description = {
            "",
            "Crawls every article of a Markdown link list into WARC files, derives an offline",
            "mirror and a text store from them, and re-runs as periodic snapshots.",
            ""
        },
        subcommands = {CrawlCommand.class, MirrorCommand.class, GrepCommand.class, ReportCommand.class,
            SeedsCommand.class, VerifyCommand.class, ExportCommand.class, AnnotateCommand.class, HelpCommand.class},
        usageHelpAutoWidth = true)
final class LinkshelfCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
