package io.linkshelf.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextStoreTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;

    @TempDir
    Path work;

    @BeforeAll
    static void crawlTwice() throws Exception {
        fixture = FixtureArchive.create(dir);
    }

    private Path freshCopy() throws IOException {
        Path copy = work.resolve("archive");
        try (Stream<Path> files = Files.walk(fixture.archive())) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(fixture.archive().relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else if (!from.startsWith(fixture.archive().resolve("text")) && !from.startsWith(fixture.archive().resolve("index/grep"))) {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    private String key(String name) {
        return fixture.keys().get(name);
    }

    @Test
    void writesTheLatestVersionOfEveryArticleAtAStablePathWithHeaderLines() throws Exception {
        Path archive = freshCopy();
        TextStore.Stats stats = TextStore.update(archive);

        Path changed = archive.resolve("text").resolve(key("changed") + ".txt");
        ArchiveView view = ArchiveView.open(archive);
        String seedUrl = view.latestEntry(key("changed")).orElseThrow().seedUrl();
        assertThat(Files.readString(changed, StandardCharsets.UTF_8).lines().limit(8).toList()).containsExactly(
                "Title: 多目标排序：MMoE 实践",
                "Author: 搜广推小站",
                "Section: 搜广推小站 › 排序",
                "URL: " + seedUrl,
                "Published: " + view.latestEntry(key("changed")).orElseThrow().article().published().orElse(""),
                "Snapshot: " + fixture.snapshots().get(1).value(),
                "",
                "MMoE 用多个专家网络建模多目标；修订版补充了 PLE 的对比。");
        for (String name : new String[] {"same", "deleted", "blocked", "gone", "failing", "tricky", "fresh"}) {
            assertThat(archive.resolve("text").resolve(key(name) + ".txt")).as(name).isRegularFile();
        }
        assertThat(Files.readString(archive.resolve("text").resolve(key("deleted") + ".txt"), StandardCharsets.UTF_8))
                .as("the last good copy of a deleted article stays").contains("出价策略包括 oCPC 与 oCPM。");
        assertThat(Files.readString(archive.resolve("text").resolve(key("tricky") + ".txt"), StandardCharsets.UTF_8))
                .startsWith("Title: " + FixtureArchive.TITLES.get("tricky") + "\n");
        assertThat(stats.written()).isEqualTo(9);
        assertThat(stats.indexed()).isEqualTo(9);
    }

    @Test
    void keepsEarlierVersionsBesideTheLatestInTheHiddenHistory() throws Exception {
        Path archive = freshCopy();
        TextStore.update(archive);

        Path old = archive.resolve("text/.history").resolve(key("changed")).resolve(fixture.snapshots().get(0).value() + ".txt");
        assertThat(Files.readString(old, StandardCharsets.UTF_8))
                .contains("Snapshot: " + fixture.snapshots().get(0).value())
                .contains("MMoE 用多个专家网络建模多目标。")
                .doesNotContain("修订版");
        try (Stream<Path> history = Files.walk(archive.resolve("text/.history"))) {
            assertThat(history.filter(Files::isRegularFile)).as("only the changed article has an earlier version").hasSize(1);
        }
    }

    @Test
    void aSecondUpdateWritesNothing() throws Exception {
        Path archive = freshCopy();
        TextStore.update(archive);
        Map<String, String> before = contents(archive, "text", "index/grep");
        FileTime long_ago = FileTime.fromMillis(1_000_000_000_000L);
        for (String file : before.keySet()) {
            Files.setLastModifiedTime(archive.resolve(file), long_ago);
        }

        TextStore.Stats second = TextStore.update(archive);

        assertThat(second.written()).isZero();
        assertThat(second.moved()).isZero();
        assertThat(second.unchanged()).isEqualTo(8);
        for (String file : before.keySet()) {
            assertThat(Files.getLastModifiedTime(archive.resolve(file))).as(file).isEqualTo(long_ago);
        }
        assertThat(contents(archive, "text", "index/grep")).isEqualTo(before);
    }

    @Test
    void rebuildReproducesIdenticalFiles() throws Exception {
        Path archive = freshCopy();
        TextStore.update(archive);
        Map<String, String> before = contents(archive, "text", "index/grep");

        TextStore.Stats stats = TextStore.rebuild(archive);

        assertThat(contents(archive, "text", "index/grep")).isEqualTo(before);
        assertThat(stats.written()).isEqualTo(9);
        assertThat(archive.resolve("text.rebuilding")).doesNotExist();
        assertThat(archive.resolve("text.old")).doesNotExist();
    }

    @Test
    void anUpdateAfterEachSnapshotEndsWhereARebuildDoes() throws Exception {
        Path archive = freshCopy();
        Path second = archive.resolve("snapshots").resolve(fixture.snapshots().get(1).value() + ".json");
        Path aside = work.resolve("second.json");
        Files.move(second, aside);
        TextStore.update(archive);
        assertThat(Files.readString(archive.resolve("text").resolve(key("changed") + ".txt"), StandardCharsets.UTF_8))
                .doesNotContain("修订版");
        Files.move(aside, second);

        TextStore.Stats stats = TextStore.update(archive);

        assertThat(stats.moved()).as("the old latest of 'changed' moves into the history").isEqualTo(1);
        assertThat(stats.written()).as("the new version of 'changed', and 'fresh'").isEqualTo(2);
        // Document ids in the index follow the order files arrived in, so compare the text files only.
        Map<String, String> incremental = contents(archive, "text");
        TextStore.rebuild(archive);
        assertThat(contents(archive, "text")).isEqualTo(incremental);
    }

    /** The SHA-256 of every file under the given roots, by path; docs.tsv is left out as it holds a time stamp. */
    private static Map<String, String> contents(Path archive, String... roots) throws Exception {
        Map<String, String> files = new TreeMap<>();
        for (String root : roots) {
            try (Stream<Path> walk = Files.walk(archive.resolve(root))) {
                for (Path file : (Iterable<Path>) walk::iterator) {
                    if (Files.isRegularFile(file) && !file.getFileName().toString().equals("docs.tsv")) {
                        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                        files.put(archive.relativize(file).toString(), HexFormat.of().formatHex(digest));
                    }
                }
            }
        }
        return files;
    }
}
