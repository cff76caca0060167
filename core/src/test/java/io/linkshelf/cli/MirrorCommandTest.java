package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.testing.FixtureArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorCommandTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;

    @BeforeAll
    static void archive() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
    }

    @Test
    void buildsIntoTheArchiveByDefaultAndSaysWhatItDidAndWhereToOpen() {
        CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path index = fixture.archive().resolve("mirror").resolve("index.html").toAbsolutePath().normalize();
        assertThat(index).isRegularFile();
        assertThat(run.out()).contains("Mirror of snapshot " + fixture.snapshots().get(1).value() + ": 8 articles (8 rendered, 0 unchanged)")
                .contains("1 earlier-version page").contains("2 new image files (2 in all)")
                .contains("1 image not archived").contains("search index ").contains("terms)")
                .endsWith("Open: " + index + System.lineSeparator());

        CliRun again = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--reports", fixture.reports().toString());
        assertThat(again.out()).as(again.toString()).contains("8 articles (0 rendered, 8 unchanged)").contains("0 new image files");
        CliRun rebuilt = CliRun.of("mirror", "--rebuild", "--archive", fixture.archive().toString(),
                "--reports", fixture.reports().toString());
        assertThat(rebuilt.out()).as(rebuilt.toString()).contains("(8 rendered, 0 unchanged)");
    }

    @Test
    void writesWhereOutSays() {
        Path out = dir.resolve("elsewhere");
        CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(out.resolve("index.html")).isRegularFile();
        assertThat(run.out()).contains("Open: " + out.resolve("index.html").toAbsolutePath().normalize());
    }

    @Test
    void anUnknownPackFormatIsAUsageError() {
        CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", dir.resolve("p").toString(),
                "--pack", "zip,rar");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--pack: ").contains("rar").contains("zip, tar.gz, wacz");
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void packsTheSiteAndTheCapturesWhenAsked() {
        CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", dir.resolve("packed").toString(),
                "--pack", "zip,wacz");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String newest = fixture.snapshots().get(1).value();
        assertThat(fixture.archive().resolve("packs/linkshelf-" + newest + ".zip")).isRegularFile();
        assertThat(fixture.archive().resolve("packs/linkshelf-" + newest + ".wacz")).isRegularFile();
        assertThat(run.out()).contains("Pack: ").contains(".wacz");
    }

    @Test
    void aFolderWithoutSnapshotsIsExitCodeThree() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-an-archive"));
        CliRun run = CliRun.of("mirror", "--archive", empty.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        assertThat(run.err().strip().lines()).singleElement()
                .satisfies(line -> assertThat(line).contains("no archive at").contains("run linkshelf crawl first"));
    }

    @Test
    void aSecondBuildOfTheSameArchiveExitsThreeNamingTheFirst() throws Exception {
        try (ArchiveLock first = ArchiveLock.acquireViews(fixture.archive())) {
            CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", dir.resolve("second").toString());
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
            assertThat(run.err().strip().lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("are being written by pid " + ProcessHandle.current().pid()));
            assertThat(dir.resolve("second")).doesNotExist();
        }
    }

    @Test
    void aRunningCrawlNeitherBlocksNorIsBlockedByAMirrorBuild() throws Exception {
        try (ArchiveLock crawl = ArchiveLock.acquire(fixture.archive())) {
            CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--out", dir.resolve("beside").toString());
            assertThat(run.exitCode()).as(run.toString()).isZero();
            try (ArchiveLock views = ArchiveLock.acquireViews(fixture.archive())) {
                assertThat(views).as("the build released the views' lock").isNotNull();
            }
        }
    }
}
