package io.linkshelf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.Outcome;
import io.linkshelf.extract.Article;
import io.linkshelf.testing.FixtureArchive;
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
}
