package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.mirror.Mirror;
import io.linkshelf.mirror.MirrorOptions;
import io.linkshelf.mirror.MirrorSummary;
import io.linkshelf.mirror.PackFormat;
import io.linkshelf.mirror.Packs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "mirror",
        header = "Builds the offline mirror: readable pages, local images and search, from the archive alone.",
        description = {
            "Renders every archived article from the WARC files and snapshot manifests into a static site",
            "that makes no network request and works from file:// (default: <archive>/mirror).",
            "Only articles whose captures changed are rendered again, unless --rebuild is given.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class MirrorCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--out", paramLabel = "DIR", description = "Site directory (default: <archive>/mirror).")
    Path out;

    @Option(names = "--rebuild", description = "Build every page from scratch instead of only what changed.")
    boolean rebuild;

    @Option(names = "--pack", paramLabel = "FORMATS", split = ",",
            description = "Also write packs of the site: zip, tar.gz and/or wacz, comma-separated.")
    List<String> pack = new ArrayList<>();

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
            description = "Reports root, for links to each snapshot's report (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Override
    @SuppressWarnings("try") // the views' lock is held for the try block's duration, never used by name
    public Integer call() throws Exception {
        Set<PackFormat> formats = packFormats();
        if (!Files.isDirectory(ArchiveLayout.of(common.archive).snapshots())) {
            String message = "no archive at " + common.archive + " (no snapshots/ folder): run linkshelf crawl first";
            throw new ArchiveUnusableException(message, new NoSuchFileException(ArchiveLayout.of(common.archive).snapshots().toString()));
        }
        Path site = out != null ? out : ArchiveLayout.of(common.archive).mirror();
        // The derived views' lock, not the crawl's: a second build exits 3 naming the first; a crawl runs beside it.
        try (ArchiveLock views = Locks.views(common.archive)) {
            MirrorSummary summary;
            try {
                ArchiveView view = DerivedViews.refresh(ArchiveLayout.of(common.archive, reports).withMirror(site), rebuild);
                summary = Mirror.build(view, new MirrorOptions(common.archive, site, reports, rebuild));
            } catch (IOException e) {
                throw new ArchiveUnusableException("cannot build the mirror: " + e.getMessage(), e);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(describe(summary));
            if (!formats.isEmpty()) {
                for (Path packFile : Packs.write(common.archive, summary.site(), summary.snapshot(), formats)) {
                    stdout.println("Pack: " + packFile.toAbsolutePath());
                }
            }
            stdout.println("Open: " + summary.index().toAbsolutePath().normalize());
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private Set<PackFormat> packFormats() {
        if (pack.isEmpty()) {
            return Set.of();
        }
        try {
            return PackFormat.parseList(String.join(",", pack));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pack: " + e.getMessage());
        }
    }

    static String describe(MirrorSummary s) {
        StringBuilder text = new StringBuilder("Mirror of snapshot ").append(s.snapshot()).append(": ")
                .append(s.articles()).append(s.articles() == 1 ? " article" : " articles")
                .append(" (").append(s.rendered()).append(" rendered, ").append(s.skipped()).append(" unchanged)");
        if (s.versionPages() > 0) {
            text.append(", ").append(s.versionPages()).append(" earlier-version ").append(s.versionPages() == 1 ? "page" : "pages");
        }
        text.append("; ").append(s.imagesWritten()).append(" new image files (").append(s.imageFiles()).append(" in all)");
        if (s.missingImages() > 0) {
            text.append(", ").append(s.missingImages()).append(s.missingImages() == 1 ? " image" : " images")
                    .append(" not archived, shown as alt text");
        }
        text.append(".\nSite: ").append(size(s.siteBytes())).append(", search index ").append(size(s.searchIndexBytes()))
                .append(" (").append(s.searchTerms()).append(" terms).");
        return text.toString();
    }

    private static String size(long bytes) {
        if (bytes < 10_000) {
            return bytes + " bytes";
        }
        if (bytes < 10_000_000) {
            return (bytes + 512) / 1024 + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
