package io.linkshelf.cli;

import io.linkshelf.export.Export;
import io.linkshelf.export.ExportOptions;
import io.linkshelf.export.ExportProgress;
import io.linkshelf.export.ExportSummary;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ArchiveLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        header = "Exports the archive for reading anywhere: EPUB books per author, or a Markdown library.",
        description = {
            "Builds EPUB 3 books (one per author section by default, sub-sections as",
            "chapters) or one Markdown note per article with YAML front matter and local",
            "images, from the WARC files and snapshot manifests alone. Never touches the",
            "network; only what changed is written again.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--format", paramLabel = "epub|md", defaultValue = "epub",
            description = "epub (books) or md (Markdown notes) (default: ${DEFAULT-VALUE}).")
    String format = "epub";

    @Option(names = "--by", paramLabel = "author|section|all", defaultValue = "author",
            description = "EPUB books per author section, per sub-section, or one for all (default: ${DEFAULT-VALUE}).")
    String by = "author";

    @Option(names = "--only", paramLabel = "REGEX",
            description = "Only articles whose title, author section, sub-section or URL matches (case-insensitive).")
    String only;

    @Option(names = "--author", paramLabel = "NAME", description = "Only the author section whose name contains NAME.")
    String author;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Exports root: books go to DIR/epub, notes to DIR/md (default: exports beside --reports).")
    Path out;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Reports root; without --out, exports go to the folder exports beside it (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Option(names = "--quiet", description = "No progress (for cron); the closing summary is still printed.")
    boolean quiet;

    @Override
    @SuppressWarnings("try") // the views' lock is held for the try block's duration, never used by name
    public Integer call() throws Exception {
        ExportOptions options = options();
        Path snapshots = ArchiveLayout.of(common.archive).snapshots();
        if (!Files.isDirectory(snapshots)) {
            // before the views' lock, which would create state/ in a folder that is no archive
            throw new ArchiveUnusableException("cannot export: no archive at " + common.archive
                    + " (no snapshots/ folder): run linkshelf crawl first", new NoSuchFileException(snapshots.toString()));
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean live = !quiet && System.console() != null;
        int[] width = {0};
        ExportProgress progress = !live ? ExportProgress.SILENT : (done, total, current) -> {
            String line = TextWidth.truncate(done + "/" + total + " articles · " + current, 120);
            err.print("\r" + line + " ".repeat(Math.max(0, width[0] - TextWidth.of(line))));
            err.flush();
            width[0] = TextWidth.of(line);
        };
        ExportSummary summary;
        // The derived views' lock, as the mirror takes it: opening the archive view may rewrite its history index.
        try (ArchiveLock views = Locks.views(common.archive)) {
            summary = Export.run(options, progress);
        } catch (Export.NothingToExportException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ArchiveUnusableException("cannot export: " + e.getMessage(), e);
        } finally {
            if (width[0] > 0) {
                err.print("\r" + " ".repeat(width[0]) + "\r");
                err.flush();
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(describe(summary));
        stdout.println("Open: " + summary.dir().toAbsolutePath().normalize());
        stdout.flush();
        return ExitCodes.OK;
    }

    private ExportOptions options() {
        try {
            Optional<Pattern> pattern = Optional.empty();
            if (only != null) {
                pattern = Optional.of(Pattern.compile(only, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
            Path root = out != null ? out : ArchiveLayout.of(common.archive, reports).exports();
            return new ExportOptions(common.archive, root, ExportOptions.Format.parse(format), ExportOptions.Grouping.parse(by),
                    pattern, Optional.ofNullable(author).filter(a -> !a.isBlank()));
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--only: bad regular expression: " + e.getDescription());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String describe(ExportSummary s) {
        boolean epub = s.format() == ExportOptions.Format.EPUB;
        StringBuilder text = new StringBuilder(epub ? "EPUB export: " : "Markdown export: ")
                .append(s.files().size()).append(epub ? (s.files().size() == 1 ? " book" : " books") : (s.files().size() == 1 ? " author" : " authors"))
                .append(" with ").append(s.articles()).append(s.articles() == 1 ? " article" : " articles")
                .append(" (").append(s.rendered()).append(" rendered, ").append(s.unchanged()).append(" unchanged)");
        if (s.deleted() > 0) {
            text.append(", ").append(s.deleted()).append(" deleted at the source (kept from the last good copy)");
        }
        if (s.missing() > 0) {
            text.append(", ").append(s.missing()).append(s.missing() == 1 ? " article" : " articles")
                    .append(" never captured (listed as missing)");
        }
        text.append("; ").append(s.filesWritten()).append(epub ? " books" : " files").append(" written, ")
                .append(s.images()).append(" images ").append(epub ? "embedded" : "copied");
        if (s.missingImages() > 0) {
            text.append(", ").append(s.missingImages()).append(" not archived (shown as alt text)");
        }
        text.append(". ").append(epub ? "Books: " : "Notes and images: ").append(ByteSize.of(s.bytes())).append('.');
        return text.toString();
    }
}
