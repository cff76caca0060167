package io.linkshelf.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.archive.ArticleStory.Status;
import io.linkshelf.archive.ArticleStory.Step;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.testing.LifeArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesTest {

    @TempDir
    static Path dir;

    static LifeArchive fixture;
    static Stories stories;

    @BeforeAll
    static void crawlFourSnapshots() throws Exception {
        fixture = LifeArchive.create(dir);
        stories = Stories.of(ArchiveView.open(fixture.archive()));
    }

    private static ArticleStory story(String name) {
        return stories.story(fixture.keys().get(name)).orElseThrow();
    }

    @Test
    void anArticleDeletedAndBackAgainIsAliveWithItsGoneSpellAndItsReturnRemembered() {
        ArticleStory s = story("lazarus");
        assertThat(s.status()).isEqualTo(Status.ALIVE);
        assertThat(s.timeline()).extracting(Step::outcome)
                .containsExactly(Outcome.OK, Outcome.DELETED, Outcome.DELETED, Outcome.UNCHANGED);
        assertThat(s.goneSince()).isEmpty();
        assertThat(s.cameBack()).extracting(Step::snapshot).containsExactly(fixture.snapshots().get(3));
        assertThat(s.firstCaptured().orElseThrow().snapshot()).isEqualTo(fixture.snapshots().get(0));
        assertThat(s.lastSeenAlive().orElseThrow().snapshot()).isEqualTo(fixture.snapshots().get(3));
        assertThat(s.edits()).isEmpty();
    }

    @Test
    void aTakenDownArticleIsGoneSinceTheFirstSnapshotThatSaidSoInThePlatformsOwnWords() {
        ArticleStory s = story("banned");
        assertThat(s.status()).isEqualTo(Status.GONE);
        assertThat(s.goneSince().orElseThrow().steps()).extracting(Step::snapshot)
                .containsExactly(fixture.snapshots().get(2), fixture.snapshots().get(3));
        assertThat(s.goneSince().orElseThrow().since().words()).isEqualTo("此内容因违规无法查看");
        assertThat(s.lastSeenAlive().orElseThrow().snapshot()).isEqualTo(fixture.snapshots().get(1));
        assertThat(s.hasCopy()).isTrue();
    }

    @Test
    void editsAreTheSnapshotsWhoseTextChangedEachWithItsDiff() {
        ArticleStory s = story("edited");
        assertThat(s.edits()).hasSize(2);
        assertThat(s.edits().get(0).from()).isEqualTo(fixture.snapshots().get(0));
        assertThat(s.edits().get(0).to()).isEqualTo(fixture.snapshots().get(1));
        assertThat(s.edits().get(1).from()).isEqualTo(fixture.snapshots().get(1));
        assertThat(s.edits().get(1).to()).isEqualTo(fixture.snapshots().get(3));
        assertThat(s.edits().get(1).diffCommand()).isEqualTo("linkshelf report --diff "
                + fixture.snapshots().get(1).value() + ".." + fixture.snapshots().get(3).value());
    }

    @Test
    void aBlockIsKeptApartFromGoneAndDoesNotCountAsAComeback() {
        ArticleStory s = story("blocked");
        assertThat(s.status()).isEqualTo(Status.ALIVE);
        assertThat(s.blocked()).extracting(Step::snapshot).containsExactly(fixture.snapshots().get(1));
        assertThat(s.goneSince()).isEmpty();
        assertThat(s.cameBack()).isEmpty();
        assertThat(s.blockedSince()).isEmpty();
    }

    @Test
    void anArticleNeverCapturedIsGoneWithoutACopy() {
        ArticleStory s = story("never");
        assertThat(s.status()).isEqualTo(Status.GONE);
        assertThat(s.hasCopy()).isFalse();
        assertThat(s.firstCaptured()).isEmpty();
        assertThat(s.lastSeenAlive()).isEmpty();
        assertThat(s.goneSince().orElseThrow().steps()).hasSize(4);
    }

    @Test
    void theNewsOfTheNewestSnapshotNamesWhatDisappearedCameBackAndChanged() {
        Stories.News news = stories.news();
        assertThat(news.disappeared()).extracting(ArticleStory::key).containsExactly(fixture.keys().get("vanished"));
        assertThat(news.cameBack()).extracting(ArticleStory::key).containsExactly(fixture.keys().get("lazarus"));
        assertThat(news.edited()).extracting(ArticleStory::key).containsExactly(fixture.keys().get("edited"));
        String day = ArticleStory.day(fixture.snapshots().get(2).start());
        assertThat(news.headline(3)).isEqualTo("1 article disappeared since " + day + " (最后一次才消失的文章); 1 came back "
                + "(删了又回来的文章); 1 edited (改过两次的文章).");
    }

    @Test
    void storiesToldFromTheSavedHistoryIndexEqualThoseFoldedFromEveryManifest() throws Exception {
        ArchiveLayout layout = ArchiveLayout.of(fixture.archive());
        Files.deleteIfExists(layout.historyIndex());
        Stories folded = Stories.of(ArchiveView.open(layout));
        assertThat(layout.historyIndex()).as("the steps of all but the newest manifest are kept with the fold").isRegularFile();
        Stories saved = Stories.of(ArchiveView.open(layout));

        assertThat(saved.all()).isEqualTo(folded.all()).hasSize(fixture.keys().size());
        assertThat(saved.news().headline(5)).isEqualTo(folded.news().headline(5));
        assertThat(saved.story(fixture.keys().get("lazarus")).orElseThrow().timeline()).hasSize(4);
    }
}
