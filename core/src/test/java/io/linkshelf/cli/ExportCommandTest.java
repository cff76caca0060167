package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.testing.FixtureArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;

    @BeforeAll
    static void archive() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
    }

    @Test
    void writesOneBookPerAuthorAndSaysWhatItDidThenNothingTheSecondTime() {
        Path out = dir.resolve("exports");
        CliRun run = CliRun.of("export", "--archive", fixture.archive().toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("epub").resolve("搜广推小站.epub")).isRegularFile();
        assertThat(out.resolve("epub").resolve("炼丹笔记.epub")).isRegularFile();
        assertThat(run.out()).contains("EPUB export: 2 books with 8 articles (8 rendered, 0 unchanged)")
                .contains("1 deleted at the source").contains("2 books written, 3 images embedded")
                .contains("1 not archived (shown as alt text)")
                .contains("Open: " + out.resolve("epub").toAbsolutePath().normalize());
        assertThat(run.err()).isEmpty();

        CliRun again = CliRun.of("export", "--archive", fixture.archive().toString(), "--out", out.toString());
        assertThat(again.out()).as(again.toString()).contains("(0 rendered, 8 unchanged)").contains("0 books written");
    }

    @Test
    void writesMarkdownForOneAuthor() {
        Path out = dir.resolve("md-out");
        CliRun run = CliRun.of("export", "--format", "md", "--author", "炼丹", "--archive", fixture.archive().toString(),
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("md").resolve("炼丹笔记").resolve("index.md")).isRegularFile();
        assertThat(out.resolve("md").resolve("搜广推小站")).doesNotExist();
        assertThat(run.out()).contains("Markdown export: 1 author with 5 articles (5 rendered, 0 unchanged)");
    }

    @Test
    void withoutOutTheExportsGoBesideTheReportsNotIntoTheArchive() {
        Path reports = dir.resolve("shelf").resolve("reports");
        CliRun run = CliRun.of("export", "--archive", fixture.archive().toString(), "--reports", reports.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path exports = ArchiveLayout.of(fixture.archive(), reports).exports();
        assertThat(exports).isEqualTo(dir.resolve("shelf").resolve("exports"));
        assertThat(exports.resolve("epub").resolve("搜广推小站.epub")).isRegularFile();
        assertThat(run.out()).contains("Open: " + exports.resolve("epub").toAbsolutePath().normalize());
        assertThat(fixture.archive().resolve("exports")).doesNotExist();
    }

    @Test
    @SuppressWarnings("try") // held for the block, never used by name
    void aRunningMirrorBuildOrExportMakesASecondExportExitThree() throws Exception {
        Path out = dir.resolve("locked");
        try (ArchiveLock views = ArchiveLock.acquireViews(fixture.archive())) {
            CliRun run = CliRun.of("export", "--archive", fixture.archive().toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
            assertThat(run.err()).contains("being written by");
        }
        assertThat(out.resolve("epub")).doesNotExist();
    }

    @Test
    void badOptionsAreOneLineUsageErrors() {
        String archive = fixture.archive().toString();
        CliRun format = CliRun.of("export", "--format", "pdf", "--archive", archive, "--out", dir.resolve("x").toString());
        assertThat(format.exitCode()).as(format.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("unknown format 'pdf': use epub or md");
        CliRun by = CliRun.of("export", "--by", "year", "--archive", archive, "--out", dir.resolve("x").toString());
        assertThat(by.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(by.err()).contains("use author, section or all");
        CliRun regex = CliRun.of("export", "--only", "(", "--archive", archive, "--out", dir.resolve("x").toString());
        assertThat(regex.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(regex.err()).contains("--only: bad regular expression");
        CliRun nobody = CliRun.of("export", "--author", "nobody", "--archive", archive, "--out", dir.resolve("x").toString());
        assertThat(nobody.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nobody.err()).contains("nothing to export").contains("--author 'nobody'");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aMissingArchiveSaysToCrawlFirst() {
        CliRun run = CliRun.of("export", "--archive", dir.resolve("nowhere").toString(), "--out", dir.resolve("y").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        assertThat(run.err()).contains("run linkshelf crawl first");
    }
}
