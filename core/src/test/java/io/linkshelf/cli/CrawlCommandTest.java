package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.testing.Response;
import io.linkshelf.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlCommandTest {

    @TempDir
    Path dir;

    private Path seeds(TestServer server, int articles) throws Exception {
        StringBuilder md = new StringBuilder("# 作者的系列文章\n\n");
        for (int n = 1; n <= articles; n++) {
            String page = "/p/" + n;
            server.on("127.0.0.2", page).respond(Response.ok("text/html; charset=utf-8",
                    "<html><head><title>文章" + n + "</title></head><body><article><p>正文" + n + "，召回与排序。</p></article></body></html>",
                    StandardCharsets.UTF_8));
            md.append("[文章").append(n).append("](").append(server.uri("127.0.0.2", page)).append(")\n\n");
        }
        return Files.writeString(dir.resolve("links.md"), md.toString(), StandardCharsets.UTF_8);
    }

    private String[] crawl(Path seeds, String... extra) {
        String[] base = {"crawl", "--seeds", seeds.toString(), "--archive", dir.resolve("archive").toString(),
            "--reports", dir.resolve("reports").toString(), "--delay", "0.01", "--retry-backoff", "0.01", "--quiet"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void crawlsTheSelectedEntriesAndEndsWithASummaryAndTheReportPath() throws Exception {
        try (TestServer server = TestServer.start("127.0.0.2")) {
            CliRun run = CliRun.of(crawl(seeds(server, 3), "--only", "文章[23]", "--limit", "1"));
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("is complete").contains("1 ok").contains("2 skipped").contains("Report: ");
            assertThat(run.err()).as("--quiet prints no progress").isEmpty();
            assertThat(server.requestsTo("127.0.0.2", "/p/2")).hasSize(1);
            assertThat(server.requestsTo("127.0.0.2", "/p/1")).isEmpty();
            assertThat(server.requestsTo("127.0.0.2", "/p/3")).isEmpty();
            assertThat(server.requestsTo("127.0.0.2", "/p/2").get(0).header("User-Agent").orElseThrow())
                    .startsWith("linkshelf/").contains("(+https://");
            assertThat(dir.resolve("reports")).isDirectoryRecursivelyContaining("glob:**/report.json");
            assertThat(dir.resolve("reports")).isDirectoryRecursivelyContaining("glob:**/report.html");
            assertThat(run.out()).containsPattern("Report: .*report\\.html");

            // the crawl left the text store up to date, so grep finds the new article at once
            CliRun grep = CliRun.of("grep", "正文2", "--archive", dir.resolve("archive").toString(), "-l");
            assertThat(grep.exitCode()).as(grep.toString()).isZero();
            assertThat(grep.out()).contains("web-127.0.0.2-p-2-").endsWith(".txt" + System.lineSeparator());
        }
    }

    @Test
    void aFailedEntryMakesExitCodeOne() throws Exception {
        try (TestServer server = TestServer.start("127.0.0.2")) {
            Path seeds = seeds(server, 1);
            server.on("127.0.0.2", "/p/1").respond(Response.status(500));
            CliRun run = CliRun.of(crawl(seeds));
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.SOME_FAILED);
            assertThat(run.out()).contains("1 failed");
        }
    }

    @Test
    void aSecondCrawlWhileOneRunsGetsExitCodeThreeNamingTheHolder() throws Exception {
        Path seeds = Files.writeString(dir.resolve("links.md"), "# A\n\n[a](http://127.0.0.2:9/x)\n");
        try (ArchiveLock held = ArchiveLock.acquire(dir.resolve("archive"))) {
            CliRun run = CliRun.of(crawl(seeds));
            assertThat(run.exitCode()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
            assertThat(run.err().strip().lines()).singleElement()
                    .satisfies(line -> assertThat(line).contains("in use by pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void anArchiveThatIsAFileIsExitCodeThree() throws Exception {
        Path seeds = Files.writeString(dir.resolve("links.md"), "# A\n\n[a](http://127.0.0.2:9/x)\n");
        Files.writeString(dir.resolve("archive"), "not a directory");
        CliRun run = CliRun.of(crawl(seeds));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ARCHIVE_UNUSABLE);
        assertThat(run.err()).contains("cannot use the archive");
    }

    @Test
    void badOptionsAreOneLineUsageErrors() throws Exception {
        Path seeds = Files.writeString(dir.resolve("links.md"), "# A\n\n[a](http://127.0.0.2:9/x)\n");
        for (String[] bad : new String[][] {{"--only", "([unclosed"}, {"--limit", "0"}, {"--proxy", "socks5://x:1"},
                {"--delay", "-1"}, {"--robots", "sometimes"}}) {
            CliRun run = CliRun.of(crawl(seeds, bad));
            assertThat(run.exitCode()).as(String.join(" ", bad) + "\n" + run).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").contains(bad[0]);
        }
        assertThat(dir.resolve("archive/warc")).doesNotExist();
    }

    @Test
    void aSelectionOfNothingOrAnEmptyListIsAUsageError() throws Exception {
        Path seeds = Files.writeString(dir.resolve("links.md"), "# A\n\n[a](http://127.0.0.2:9/x)\n");
        CliRun none = CliRun.of(crawl(seeds, "--only", "nothing-matches-this"));
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("select no entry");
        Path empty = Files.writeString(dir.resolve("empty.md"), "# nothing here\n");
        CliRun emptyRun = CliRun.of(crawl(empty));
        assertThat(emptyRun.exitCode()).as(emptyRun.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(emptyRun.err()).contains("no article links");
    }

    @Test
    void twoRunsWithBudgetSixFetchSixArticlePagesInAllAndSayWhenTheBudgetReopens() throws Exception {
        try (TestServer server = TestServer.start("127.0.0.2")) {
            Path seeds = seeds(server, 10);
            CliRun first = CliRun.of(crawl(seeds, "--budget", "6"));
            CliRun second = CliRun.of(crawl(seeds, "--budget", "6"));
            assertThat(first.exitCode()).as(first.toString()).isZero();
            assertThat(second.exitCode()).as(second.toString()).isZero();
            long pages = server.requests("127.0.0.2").stream().filter(r -> r.path().startsWith("/p/")).count();
            assertThat(pages).isEqualTo(6);
            assertThat(second.out()).contains("6 ok").contains("4 pending")
                    .contains("The page budget of 6 a day for 127.0.0.2 is spent; it reopens at ")
                    .contains("Run linkshelf crawl again to continue this snapshot.");
            assertThat(dir.resolve("archive/state/budget.json")).exists();
        }
    }

    @Test
    void noReachableArticleHostEndsTheRunWithExitCodeFiveAndOneLineOfReason() throws Exception {
        Path seeds = Files.writeString(dir.resolve("links.md"), "# A\n\n"
                + "[a](http://mp.linkshelf-test.invalid/s?__biz=1&mid=1)\n\n[b](http://mp.linkshelf-test.invalid/s?__biz=1&mid=2)\n\n"
                + "[c](http://zhuanlan.linkshelf-test.invalid/p/1)\n", StandardCharsets.UTF_8);
        long start = System.nanoTime();
        CliRun run = CliRun.of(crawl(seeds));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofMinutes(1));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NO_NETWORK).isEqualTo(5);
        assertThat(run.err().strip().lines()).singleElement().isEqualTo("linkshelf: no network? mp.linkshelf-test.invalid: "
                + "unknown host; zhuanlan.linkshelf-test.invalid: unknown host; every entry stays pending for the next run");
        assertThat(run.out()).contains("3 pending").contains("nothing was marked failed").doesNotContainPattern("\\d+ failed");
    }
}
