package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The closing words of {@code linkshelf crawl} lead with the news: what disappeared, came back or changed. */
class CrawlNewsTest {

    @TempDir
    Path dir;

    private static Response page(String title, String text) {
        return Response.ok("text/html; charset=utf-8", "<html><head><title>" + title + "</title></head><body><article><p>" + text
                + "</p></article></body></html>", StandardCharsets.UTF_8);
    }

    @Test
    void aSecondCrawlNamesTheArticleThatDisappearedAndTheOneThatWasEditedInItsFirstLine() throws Exception {
        try (TestServer server = TestServer.start("127.0.0.2")) {
            server.on("127.0.0.2", "/p/1").respond(page("文章一", "正文一，召回。"), Response.status(404));
            server.on("127.0.0.2", "/p/2").respond(page("文章二", "正文二，排序。"), page("文章二", "正文二，排序与重排。"));
            server.on("127.0.0.2", "/p/3").respond(page("文章三", "正文三，不变。"));
            Path seeds = Files.writeString(dir.resolve("links.md"), "# 作者的系列文章\n\n"
                    + "[文章一](" + server.uri("127.0.0.2", "/p/1") + ")\n\n[文章二](" + server.uri("127.0.0.2", "/p/2") + ")\n\n"
                    + "[文章三](" + server.uri("127.0.0.2", "/p/3") + ")\n", StandardCharsets.UTF_8);
            String[] crawl = {"crawl", "--seeds", seeds.toString(), "--archive", dir.resolve("archive").toString(),
                "--reports", dir.resolve("reports").toString(), "--delay", "0.01", "--retry-backoff", "0.01", "--quiet"};
            CliRun first = CliRun.of(crawl);
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(first.out().lines().findFirst().orElseThrow()).isEqualTo("First snapshot: nothing to compare with yet.");
            CliRun second = CliRun.of(crawl);
            assertThat(second.exitCode()).as(second.toString()).isZero();
            String lead = second.out().lines().findFirst().orElseThrow();
            String since = io.linkshelf.archive.ArticleStory.day(io.linkshelf.archive.ArchiveView.open(dir.resolve("archive"))
                    .snapshots().get(0).start());
            assertThat(lead).isEqualTo("1 article disappeared since " + since + " (文章一); 1 edited (文章二).");
            assertThat(second.out()).contains("is complete");
        }
    }
}
