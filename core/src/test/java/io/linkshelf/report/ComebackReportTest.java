package io.linkshelf.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComebackReportTest {

    @TempDir
    static Path dir;

    static ComebackArchive archive;

    @BeforeAll
    static void crawlThreeTimes() throws Exception {
        archive = ComebackArchive.create(dir);
    }

    @Test
    void articlesDeletedOrBlockedBeforeAndCapturedNowCameBack() throws Exception {
        ArchiveView view = ArchiveView.open(archive.archive());
        SnapshotReport third = Reports.report(view, archive.snapshots().get(2), archive.reports());
        assertThat(third.changes().cameBack()).extracting(SnapshotDiff.ArticleRef::title)
                .containsExactlyInAnyOrder(ComebackArchive.DELETED_TITLE, ComebackArchive.BLOCKED_TITLE);
        assertThat(third.changes().cameBack()).extracting(a -> a.before().orElseThrow())
                .containsExactlyInAnyOrder(Outcome.DELETED, Outcome.BLOCKED);
        assertThat(third.changes().added()).isEmpty();
        assertThat(third.changes().removed()).isEmpty();
        assertThat(third.attention()).isEmpty();
    }

    @Test
    void theSnapshotInBetweenShowsTheDeletionButNotTheBlockAsRemoved() throws Exception {
        ArchiveView view = ArchiveView.open(archive.archive());
        SnapshotReport second = Reports.report(view, archive.snapshots().get(1), archive.reports());
        assertThat(second.changes().removed()).extracting(SnapshotDiff.ArticleRef::title)
                .containsExactly(ComebackArchive.DELETED_TITLE);
        assertThat(second.attention()).hasSize(2);
    }

    @Test
    void theWrittenReportShowsTheComebackSection() throws Exception {
        Path html = Reports.write(archive.archive(), archive.reports(), archive.snapshots().get(2));
        assertThat(Files.readString(html, StandardCharsets.UTF_8)).contains("Back again (2)")
                .contains("was deleted, now").contains("was blocked, now");
    }
}
