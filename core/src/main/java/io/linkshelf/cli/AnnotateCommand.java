package io.linkshelf.cli;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.catalog.AnnotatedList;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.catalog.SeedFileException;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.report.AnnotatedLinks;
import io.linkshelf.snapshot.ArchiveLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "annotate",
        header = "Writes a copy of the seed list with each link's status and a link to its archived copy.",
        description = {
            "The copy keeps every byte of the list and adds, after each link, a short mark such as",
            "' · 已删除 since 2026-12-05 · [copy](../archive/mirror/a/<key>.html)', and a health summary at the top.",
            "Marks sit between <!--linkshelf--> comments: running it again replaces them, and crawl reads an annotated",
            "list as the list itself. --format json|csv lists every link once with its status, dates and copy.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class AnnotateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", paramLabel = "FILE", description = "The seed list to annotate (default: the bundled list).")
    Path seeds;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write it; '-' for stdout (default: <reports>/links.md, .json or .csv).")
    String out;

    @Option(names = "--copy-base", paramLabel = "URL|none",
            description = "Link copies under this published mirror's URL, or 'none' for no copy links "
                    + "(default: a relative link from the output file to <archive>/mirror).")
    String copyBase;

    @Option(names = "--mirror", paramLabel = "DIR", description = "The local mirror relative links point at (default: <archive>/mirror).")
    Path mirror;

    @Option(names = "--label", paramLabel = "NAME=TEXT",
            description = "The words of a mark: alive, gone, blocked, unknown or copy, e.g. --label gone=Deleted.")
    Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", description = "md, json or csv (default: ${DEFAULT-VALUE}).")
    AnnotatedLinks.Format format = AnnotatedLinks.Format.MD;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Reports root (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Override
    public Integer call() throws IOException {
        byte[] bytes = seeds == null ? CatalogReader.bundledBytes() : read(seeds);
        AnnotatedList list = AnnotatedList.of(bytes, seeds == null ? Path.of("links.md (bundled)") : seeds);
        ArchiveLayout layout = ArchiveLayout.of(common.archive, reports);
        boolean toStdout = "-".equals(out);
        Path target = toStdout ? Path.of("") : out != null ? Path.of(out)
                : layout.annotatedLinks(format.name().toLowerCase(Locale.ROOT));
        Path from = toStdout ? Path.of("").toAbsolutePath() : target.toAbsolutePath().getParent();
        AnnotatedLinks.Copies copies = new AnnotatedLinks.Copies(base(), "none".equals(copyBase), from,
                mirror != null ? mirror : layout.mirror());
        ArchiveView view = ArchiveView.open(layout);
        AnnotatedLinks annotated;
        try {
            annotated = AnnotatedLinks.of(list, view, copies, labels);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--label: " + e.getMessage());
        }
        String text = annotated.render(format);
        PrintWriter stdout = spec.commandLine().getOut();
        if (toStdout) {
            stdout.print(text);
        } else {
            if (target.toAbsolutePath().normalize().equals(Optional.ofNullable(seeds).map(p -> p.toAbsolutePath().normalize()).orElse(null))
                    && format != AnnotatedLinks.Format.MD) {
                throw new ParameterException(spec.commandLine(), "--out would overwrite the seed list with " + format
                        + "; give another file");
            }
            // Written over the seed list itself (--out = --seeds), it replaces the user's own file: that one is synced.
            boolean overSeeds = seeds != null && Files.exists(target) && Files.isSameFile(target, seeds);
            AtomicFiles.write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    overSeeds ? AtomicFiles.Durability.DURABLE : AtomicFiles.Durability.DERIVED);
            Map<String, Object> s = annotated.summary();
            stdout.println("Annotated " + s.get("links") + " links (" + s.get("articles") + " articles: " + s.get("alive")
                    + " alive, " + s.get("gone") + " gone, " + s.get("blocked") + " blocked, " + s.get("unknown")
                    + " not checked; " + s.get("neverCaptured") + " never captured) into " + target + ". " + s.get("news"));
        }
        if (view.snapshots().isEmpty()) {
            spec.commandLine().getErr().println("note: " + common.archive + " has no snapshot yet, so every link is 'unknown': "
                    + "run linkshelf crawl first");
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private Optional<String> base() {
        if (copyBase == null || copyBase.equals("none")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(copyBase);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(copyBase, "not an http(s) URL with a host");
            }
            return Optional.of(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--copy-base wants the published mirror's http(s) URL, e.g. "
                    + "https://example.org/mirror/, or 'none'; got '" + copyBase + "'");
        }
    }

    private static byte[] read(Path file) throws SeedFileException {
        try {
            if (Files.isDirectory(file)) {
                throw new SeedFileException(file, "it is a directory; give the Markdown file itself", null);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SeedFileException(file, "no such file", e);
        } catch (SeedFileException e) {
            throw e;
        } catch (IOException e) {
            throw new SeedFileException(file, String.valueOf(e.getMessage()), e);
        }
    }
}
