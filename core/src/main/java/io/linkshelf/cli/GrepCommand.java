package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.search.Grep;
import io.linkshelf.search.GrepQuery;
import io.linkshelf.search.TextStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "grep",
        header = "Greps the text of every archived article.",
        description = {"Searches archive/text (the latest version of each article; --all-versions adds earlier ones)",
            "with a Java regular expression, or a fixed string with -F. Offsets in --json are code points.",
            "Exit status: 0 a line matched, 1 none did, 2 an error."},
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class GrepCommand implements Callable<Integer> {

    static final int MATCH = 0;
    static final int NO_MATCH = 1;
    static final int ERROR = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    GrepQueryOptions match;

    @Option(names = "--json", description = "One JSON object per matching line (per article with -l or -c).")
    boolean json;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "auto (on a terminal without NO_COLOR), always or never.")
    String color = "auto";

    @Option(names = "--reindex", hidden = true, description = "Rebuild the grep index from the text files, then exit.")
    boolean reindex;

    @Override
    public Integer call() {
        GrepOutput output = GrepOutput.of(spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (reindex) {
                int indexed = TextStore.reindex(common.archive);
                err.println("linkshelf: indexed " + indexed + " text files");
                err.flush();
                return ExitCodes.OK;
            }
            GrepQuery query = query();
            if (!Files.isDirectory(TextStore.textDir(common.archive)) && Files.isDirectory(ArchiveLayout.of(common.archive).snapshots())) {
                // An archive crawled before the text store existed: build it once, from the WARC files.
                err.println("linkshelf: building the text store in " + TextStore.textDir(common.archive) + " (once)...");
                err.flush();
                TextStore.update(common.archive);
            }
            Grep grep = Grep.open(common.archive);
            GrepPrinter printer = json
                    ? new GrepJsonPrinter(output, common.archive, match.list, match.count)
                    : new GrepText(output, common.archive, useColor(), match.list, match.count);
            Grep.Summary summary = grep.search(query, printer::render, printer::print);
            printer.finish(summary, err);
            output.flush();
            err.flush();
            return summary.matchingLines() > 0 ? MATCH : NO_MATCH;
        } catch (PatternSyntaxException e) {
            err.println("linkshelf: bad regular expression at position " + e.getIndex() + ": " + e.getDescription()
                    + " in " + e.getPattern());
        } catch (IOException e) {
            err.println("linkshelf: " + GrepText.describe(e));
        } catch (UncheckedIOException e) {
            err.println("linkshelf: " + e.getMessage());
        }
        err.flush();
        return ERROR;
    }

    private GrepQuery query() {
        if (!color.equals("auto") && !color.equals("always") && !color.equals("never")) {
            throw new ParameterException(spec.commandLine(), "--color takes auto, always or never, not " + color);
        }
        return match.query(spec.commandLine());
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.console() != null && System.getenv("NO_COLOR") == null;
        };
    }
}
