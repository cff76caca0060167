package io.linkshelf.cli;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleStory;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.report.ReportFormat;
import io.linkshelf.report.Reports;
import io.linkshelf.report.SnapshotReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        header = "Prints a snapshot's report, or what changed between two snapshots.",
        description = {
            "Without options prints the newest snapshot's report: run facts, outcome counts per author section,",
            "hosts, every article that needs attention, and the changes since the snapshot before it. It also",
            "rewrites that snapshot's report.html and report.json and the index under --reports.",
            "--diff A..B prints the changes between any two snapshots; ids may be 'latest' and 'previous'.",
            "--article KEY|URL prints one article's life story: first captured, last seen alive, gone or blocked",
            "since when (in the platform's own words), came back, and every edit with the diff that shows it.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--snapshot", paramLabel = "ID", description = "The snapshot to report on (default: latest).")
    String snapshot;

    @Option(names = "--diff", paramLabel = "A..B", description = "Print the changes from snapshot A to snapshot B instead.")
    String diff;

    @Option(names = "--article", paramLabel = "KEY|URL", description = "Print this article's life story instead.")
    String article;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, html or json (default: ${DEFAULT-VALUE}).")
    ReportFormat format = ReportFormat.MD;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Reports root (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Override
    public Integer call() throws IOException {
        if ((snapshot != null ? 1 : 0) + (diff != null ? 1 : 0) + (article != null ? 1 : 0) > 1) {
            throw new ParameterException(spec.commandLine(), "give one of --snapshot, --diff and --article");
        }
        if (!Files.isDirectory(common.archive)) {
            throw new ArchiveUnusableException("no archive at " + common.archive + " (give --archive DIR)", null);
        }
        ArchiveView view = ArchiveView.open(common.archive);
        if (view.snapshots().isEmpty()) {
            throw new ArchiveUnusableException("the archive " + common.archive + " has no snapshots yet: run linkshelf crawl", null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (article != null) {
            ArticleStory story = Reports.story(view, article).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no article '" + article.strip() + "' in " + common.archive
                            + ": give an article key (see linkshelf seeds) or one of its URLs as the seed list has it"));
            out.print(Reports.render(story, format));
        } else if (diff != null) {
            int dots = diff.indexOf("..");
            if (dots <= 0 || dots + 2 >= diff.length()) {
                throw new ParameterException(spec.commandLine(), "--diff wants two snapshots as A..B, e.g. previous..latest; got '"
                        + diff + "'");
            }
            SnapshotId from = resolve(view, diff.substring(0, dots));
            SnapshotId to = resolve(view, diff.substring(dots + 2));
            out.print(Reports.render(Reports.diff(view, from, to, reports), format));
        } else {
            SnapshotId id = resolve(view, snapshot == null ? Reports.LATEST : snapshot);
            SnapshotReport report = Reports.report(view, id, reports);
            out.print(Reports.render(report, format));
            // the files are derived: rewriting them lets a newer linkshelf refresh old reports
            Reports.write(common.archive, reports, id);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private SnapshotId resolve(ArchiveView view, String idOrAlias) {
        return Reports.resolve(view, idOrAlias).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "no snapshot '" + idOrAlias.strip() + "' in " + common.archive + "; available: "
                        + view.snapshots().stream().map(ArchiveView.Snapshot::id).map(SnapshotId::value)
                                .collect(Collectors.joining(", "))
                        + " (or latest, previous)"));
    }
}
