package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.testing.RecordedRequest;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import io.linkshelf.warc.CdxjIndex;
import io.linkshelf.warc.WarcIndexer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real linkshelf process mid-crawl, then a resume that completes with nothing lost or doubled. */
class CrawlKillResumeIT {

    private static final int ARTICLES = 12;

    @TempDir
    Path dir;

    @Test
    void resumesAKilledSnapshotWithEveryEntryOnceAndNothingFetchedTwice() throws Exception {
        try (TestServer server = TestServer.start("127.0.0.2", "127.0.0.3")) {
            StringBuilder md = new StringBuilder("# 作者的系列文章\n\n");
            for (int n = 1; n <= ARTICLES; n++) {
                String page = "/s?__biz=MzA5&mid=" + n + "&idx=1&sn=abc";
                String image = server.uri("127.0.0.3", "/mmbiz_png/m" + n + "/640?wx_fmt=png").toString();
                server.on("127.0.0.2", page).respond(CrawlFixtures.wechatArticle("文章" + n, "号", List.of(image)));
                server.on("127.0.0.3", "/mmbiz_png/m" + n + "/640").respond(Response.ok("image/png", CrawlFixtures.png(n)));
                md.append("[文章").append(n).append("](").append(server.uri("127.0.0.2", page)).append(")\n\n");
            }
            Path seeds = Files.writeString(dir.resolve("links.md"), md.toString(), StandardCharsets.UTF_8);
            Path archive = dir.resolve("archive");

            Process first = linkshelf(seeds, archive, "0.3").start();
            awaitSettledPages(archive, 4, Duration.ofSeconds(60));
            first.destroyForcibly();
            assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
            int pagesBeforeKill = pageRequests(server).size();
            assertThat(pagesBeforeKill).isLessThan(ARTICLES);

            Process second = linkshelf(seeds, archive, "0.01").redirectOutput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(output).isZero();
            assertThat(output).contains("(resumed)").contains("is complete");

            ManifestStore store = new ManifestStore(archive.resolve("snapshots"));
            assertThat(store.ids()).as("the resumed run continues the same snapshot").hasSize(1);
            SnapshotManifest manifest = store.newest().orElseThrow();
            assertThat(manifest.complete()).isTrue();
            assertThat(manifest.runs()).isEqualTo(2);
            assertThat(manifest.entries()).hasSize(ARTICLES).allSatisfy(e -> {
                assertThat(e.outcome()).isEqualTo(Outcome.OK);
                assertThat(e.images()).singleElement().satisfies(i -> assertThat(i.outcome()).isEqualTo(ImageOutcome.OK));
            });
            assertThat(manifest.entries().stream().map(ManifestEntry::key).distinct()).hasSize(ARTICLES);

            // At most the page in flight at the moment of the kill is fetched again.
            Map<String, Long> fetches = pageRequests(server).stream()
                    .collect(Collectors.groupingBy(RecordedRequest::target, Collectors.counting()));
            assertThat(fetches).hasSize(ARTICLES);
            assertThat(fetches.values().stream().filter(c -> c > 1).count()).isLessThanOrEqualTo(1);

            List<Path> warcs;
            try (Stream<Path> files = Files.list(archive.resolve("warc"))) {
                warcs = files.sorted().toList();
            }
            assertThat(warcs).as("the resumed run starts a fresh WARC file").hasSizeGreaterThanOrEqualTo(2);
            int captures = 0;
            for (Path warc : warcs) {
                captures += WarcIndexer.capturesIn(warc).size();
            }
            assertThat(CdxjIndex.read(archive.resolve("index/captures.cdxj"))).hasSize(captures);
            assertThat(archive.resolve("state/lock")).exists();
        }
    }

    private static List<RecordedRequest> pageRequests(TestServer server) {
        return server.requests("127.0.0.2").stream().filter(r -> r.path().equals("/s")).toList();
    }

    private ProcessBuilder linkshelf(Path seeds, Path archive, String delay) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target", "linkshelf.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", jar.toString(), "crawl",
                "--seeds", seeds.toString(), "--archive", archive.toString(), "--reports", dir.resolve("reports").toString(),
                "--delay", delay, "--image-delay", delay, "--cooldown", "0.1", "--quiet"));
        return new ProcessBuilder(command).directory(new File(".")).redirectOutput(dir.resolve("out.log").toFile());
    }

    /** Waits until the snapshot (manifest plus journal) shows at least n settled pages. */
    private static void awaitSettledPages(Path archive, int n, Duration timeout) throws Exception {
        ManifestStore store = new ManifestStore(archive.resolve("snapshots"));
        long deadline = System.nanoTime() + timeout.toNanos();
        Function<SnapshotManifest, Long> settled = m -> m.entries().stream().filter(e -> e.outcome() != Outcome.PENDING).count();
        while (System.nanoTime() < deadline) {
            try {
                if (store.newest().map(settled).orElse(0L) >= n) {
                    return;
                }
            } catch (java.io.IOException halfWritten) {
                // the manifest is being replaced right now; look again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the crawl did not settle " + n + " pages in " + timeout);
    }
}
