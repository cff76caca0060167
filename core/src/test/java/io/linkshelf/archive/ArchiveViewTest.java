package io.linkshelf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.Outcome;
import io.linkshelf.extract.Article;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.testing.FixtureArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveViewTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;

    @BeforeAll
    static void crawlTwice() throws Exception {
        fixture = FixtureArchive.create(dir);
    }

    @Test
    void theFixtureHoldsOneOfEachOutcomeInTheSecondSnapshot() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        assertThat(view.snapshots()).hasSize(2);
        assertThat(view.latestEntry(fixture.keys().get("same")).orElseThrow().outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(view.latestEntry(fixture.keys().get("changed")).orElseThrow().outcome()).isEqualTo(Outcome.OK);
        assertThat(view.latestEntry(fixture.keys().get("deleted")).orElseThrow().outcome()).isEqualTo(Outcome.DELETED);
        assertThat(view.latestEntry(fixture.keys().get("blocked")).orElseThrow().outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(view.latestEntry(fixture.keys().get("gone")).orElseThrow().outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(view.latestEntry(fixture.keys().get("fresh")).orElseThrow().outcome()).isEqualTo(Outcome.OK);
    }

    @Test
    void versionsAreDistinctContentsAndRevisitsAddNone() throws Exception {
        ArchiveView view = ArchiveView.open(fixture.archive());
        assertThat(view.versions(fixture.keys().get("same"))).hasSize(1);
        assertThat(view.versions(fixture.keys().get("changed"))).hasSize(2);
        assertThat(view.versions(fixture.keys().get("deleted"))).as("the last good copy stays").hasSize(1);
        assertThat(view.versions(fixture.keys().get("fresh"))).hasSize(1);
        Article latest = view.article(view.latestVersion(fixture.keys().get("changed")).orElseThrow()).orElseThrow();
        assertThat(latest.text()).contains("修订版补充了 PLE 的对比");
        Article first = view.article(view.versions(fixture.keys().get("changed")).get(0)).orElseThrow();
        assertThat(first.text()).doesNotContain("修订版");
        assertThat(view.images()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aViewFromTheSavedHistoryIndexEqualsOneFoldedFromEveryManifest() throws Exception {
        ArchiveLayout layout = ArchiveLayout.of(fixture.archive());
        Files.deleteIfExists(layout.historyIndex());
        ArchiveView folded = ArchiveView.open(layout);
        assertThat(layout.historyIndex()).as("the fold of all but the newest manifest is kept").isRegularFile();
        ArchiveView saved = ArchiveView.open(layout);

        assertThat(saved.snapshots()).isEqualTo(folded.snapshots());
        assertThat(saved.keys()).isEqualTo(folded.keys()).isNotEmpty();
        for (String key : folded.keys()) {
            assertThat(saved.versions(key)).as(key).isEqualTo(folded.versions(key));
            assertThat(saved.latestEntry(key)).as(key).isEqualTo(folded.latestEntry(key));
        }
        assertThat(saved.images()).isEqualTo(folded.images());
        assertThat(saved.goodImages()).isEqualTo(folded.goodImages());
        assertThat(saved.imageFailures()).isEqualTo(folded.imageFailures());
    }

    @Test
    void aSavedHistoryIndexThatNoLongerMatchesTheManifestsIsIgnored() throws Exception {
        ArchiveLayout layout = ArchiveLayout.of(fixture.archive());
        ArchiveView.open(layout);
        Files.writeString(layout.historyIndex(), "{\"format\":1,\"folded\":[{\"id\":\"20000101T000000Z\",\"size\":1,"
                + "\"modified\":1,\"journal\":false}],\"snapshots\":[],\"histories\":{},\"newestKeys\":[],"
                + "\"images\":{},\"goodImages\":{},\"imageFailures\":{}}");
        ArchiveView view = ArchiveView.open(layout);
        assertThat(view.snapshots()).hasSize(2);
        assertThat(view.versions(fixture.keys().get("changed"))).hasSize(2);
    }
}
