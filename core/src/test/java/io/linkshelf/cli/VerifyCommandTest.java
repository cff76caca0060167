package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.testing.FixtureArchive;
import io.linkshelf.warc.CdxjIndex;
import io.linkshelf.warc.WarcVerifierTest.Damage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCommandTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static FixtureArchive fixture;

    @BeforeAll
    static void crawlTwice() throws Exception {
        fixture = FixtureArchive.create(shared);
    }

    private Path copy() throws Exception {
        return Damage.copy(fixture.archive(), dir.resolve("archive"));
    }

    private static CliRun verify(Path archive, String... extra) {
        String[] base = {"verify", "--archive", archive.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRun.of(all);
    }

    @Test
    void aCleanArchiveExitsZeroWithASummaryLine() throws Exception {
        CliRun run = verify(copy());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).matches("(?s)verified \\d+ WARC files?, \\d+ records, [0-9.]+ KiB: no problems\\R");
    }

    @Test
    void aFlippedByteExitsFourNamingTheFileAndOffset() throws Exception {
        Path archive = copy();
        CdxjIndex.Line page = Damage.htmlPage(archive);
        Damage.flipInRecord(archive.resolve("warc").resolve(page.filename().orElseThrow()), page.offset().orElseThrow(),
                "js_content");
        CliRun run = verify(archive);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(run.out()).contains("damage: " + page.filename().orElseThrow() + " at offset " + page.offset().orElseThrow()
                + ": response record").contains("payload digest").containsPattern("problems?\\R$");
    }

    @Test
    void repairCutsATornTailKeepsTheOriginalAndTheNextVerifyIsClean() throws Exception {
        Path archive = copy();
        Path last = Damage.lastWarc(archive);
        long size = Files.size(last);
        Damage.appendHalfARecord(last);

        CliRun torn = verify(archive);
        assertThat(torn.exitCode()).as(torn.toString()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(torn.out()).contains(last.getFileName() + " at offset " + size + ": the last")
                .contains("1 torn tail; linkshelf verify --repair cuts it off");

        CliRun repaired = verify(archive, "--repair");
        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("repaired: ").contains("after repair: verified");
        assertThat(Files.size(last)).isEqualTo(size);
        try (Stream<Path> aside = Files.list(archive.resolve("quarantine"))) {
            assertThat(aside.map(p -> p.getFileName().toString())).singleElement()
                    .satisfies(n -> assertThat(n).startsWith(last.getFileName() + ".damaged-"));
        }

        CliRun again = verify(archive);
        assertThat(again.exitCode()).as(again.toString()).isZero();
    }

    @Test
    void aCdxjLineAtTheWrongOffsetExitsFour() throws Exception {
        Path archive = copy();
        CdxjIndex.Line page = Damage.htmlPage(archive);
        Path cdxj = archive.resolve("index/captures.cdxj");
        String text = Files.readString(cdxj, StandardCharsets.UTF_8);
        Files.writeString(cdxj, text.replace(page.text(), page.text().replace("\"offset\": \"" + page.offset().orElseThrow(),
                "\"offset\": \"1" + page.offset().orElseThrow())), StandardCharsets.UTF_8);
        CliRun run = verify(archive);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(run.out()).contains("damage: index/captures.cdxj: the line for " + page.url().orElseThrow());
    }

    @Test
    void aManifestNamingAMissingRecordExitsFour() throws Exception {
        Path archive = copy();
        Path manifest = archive.resolve("snapshots").resolve(fixture.snapshots().get(0).value() + ".json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        String id = text.replaceFirst("(?s).*?\"requestRecordId\" : \"(urn:uuid:[^\"]+)\".*", "$1");
        Files.writeString(manifest, text.replace(id, "urn:uuid:11111111-1111-4111-8111-111111111111"), StandardCharsets.UTF_8);
        CliRun run = verify(archive);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DAMAGED);
        assertThat(run.out()).contains("request record urn:uuid:11111111-1111-4111-8111-111111111111");
    }

    @Test
    void repairWaitsForTheArchiveLock() throws Exception {
        Path archive = copy();
        try (ArchiveLock held = ArchiveLock.acquire(archive)) {
            CliRun run = verify(archive, "--repair");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        }
    }
}
