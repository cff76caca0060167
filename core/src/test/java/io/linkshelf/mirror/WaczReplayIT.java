package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.testing.RangeFileServer;
import io.linkshelf.warc.Capture;
import io.linkshelf.testing.ReplayFixture;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens linkshelf's WACZ in ReplayWeb.page's own code (the npm package {@code replaywebpage} 2.5.3, its
 * {@code index.html}, {@code ui.js} and {@code sw.js}, installed by {@code npm ci} in {@code test-tools/replayweb})
 * in headless Chromium, served with byte ranges from a loopback server as a web server would serve it, and checks
 * what a reader sees: the page list, the readable view of a WeChat article captured once, of one the server answered
 * 304 in the second snapshot and of a Zhihu article with formula images; the raw capture replaying with status 200;
 * and ReplayWeb.page's own search finding an article by a Chinese phrase of its text.
 *
 * <p>Skips where Debian's chromium and chromedriver are missing, as the mirror's browser test does; fails, saying
 * what to run, where ReplayWeb.page is not installed.
 */
class WaczReplayIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** Walks the document, its shadow roots and its same-origin frames; arguments[0] is what to collect. */
    private static final String DEEP = """
            const what = arguments[0], out = [];
            function walk(n) {
              if (!n) return;
              if (n.nodeType === 3) { if (what === 'text') out.push(n.textContent); return; }
              if (n.shadowRoot) walk(n.shadowRoot);
              if (n.tagName === 'IFRAME') { try { walk(n.contentDocument); } catch (e) { } }
              if (n.tagName === 'IMG' && what === 'images') out.push(n);
              if (n.tagName === 'IFRAME' && what === 'frames') out.push(n);
              if (n.tagName === 'INPUT' && what === 'inputs') out.push(n);
              for (const c of n.childNodes) walk(c);
            }
            walk(document);
            return what === 'text' ? out.join(' ').replace(/\\s+/g, ' ') : out;
            """;

    @TempDir
    static Path dir;
    static ReplayFixture fixture;
    static Path wacz;
    static SnapshotManifest newest;
    static RangeFileServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        Path replayWeb = Path.of(System.getProperty("replayweb.dir",
                "../test-tools/replayweb/node_modules/replaywebpage")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(replayWeb.resolve("sw.js")) || !Files.isRegularFile(replayWeb.resolve("ui.js"))) {
            throw new IllegalStateException("ReplayWeb.page is not installed at " + replayWeb
                    + ": run `npm ci` in test-tools/replayweb (.ci/run does)");
        }
        fixture = ReplayFixture.create(Files.createDirectories(dir.resolve("fixture")));
        SnapshotId id = fixture.snapshots().get(1);
        newest = new ManifestStore(fixture.archive().resolve("snapshots")).read(id);
        Path site = fixture.archive().resolve("mirror");
        Mirror.build(new MirrorOptions(fixture.archive(), site, fixture.reports(), false));
        wacz = Packs.write(fixture.archive(), site, id, Set.of(PackFormat.WACZ)).get(0);
        server = RangeFileServer.start(replayWeb, Map.of("/fixture.wacz", wacz));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1200,1000", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePageListShowsEveryArticleAndItsReadableViewWithTheirTitles() throws IOException {
        open("#view=pages");
        for (String title : ReplayFixture.TITLES.values()) {
            awaitText(title + WaczPackParts.READABLE_TITLE);
            assertThat(countOf(text(), title)).as(title + ": as captured and as readable view").isGreaterThanOrEqualTo(2);
        }
        screenshot("wacz-replay-pages.png");
    }

    @Test
    void theReadableViewOfAWechatArticleCapturedOnceShowsItsTextAndImages() {
        assertReadable("once", ReplayFixture.ONCE_PHRASE, 1);
    }

    @Test
    void theReadableViewOfAnArticleAnswered304ShowsItsTextAndImages() {
        assertThat(entry("unchanged").outcome().label()).isEqualTo("unchanged");
        assertReadable("unchanged", ReplayFixture.UNCHANGED_PHRASE, 1);
    }

    @Test
    void theReadableViewOfAZhihuArticleShowsItsFormulaImages() throws IOException {
        assertReadable("formulas", ReplayFixture.FORMULAS_PHRASE, ReplayFixture.FORMULAS.size() + 1);
        screenshot("wacz-replay-readable.png");
    }

    @Test
    void theRawCaptureOfAPageCapturedOnceReplaysWithStatus200() {
        ManifestEntry once = entry("once");
        openReplay(fixture.urls().get("once"), once.content().orElseThrow().date());
        awaitText(ReplayFixture.ONCE_PHRASE);
        WebElement frame = awaitReplayFrame(fixture.urls().get("once"));
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0].src).then(r => done(r.status), e => done(String(e)));", frame);
        assertThat(status).isEqualTo(200L);
    }

    @Test
    void theRawCaptureOfAnArticleAnswered304ReplaysTheOriginalPage() {
        ManifestEntry unchanged = entry("unchanged");
        Capture revisit = unchanged.capture().orElseThrow();
        assertThat(revisit.kind()).isEqualTo(Capture.Kind.REVISIT);
        assertThat(revisit.status()).isEqualTo(304);
        openReplay(fixture.urls().get("unchanged"), revisit.date());
        awaitText(ReplayFixture.UNCHANGED_PHRASE);
    }

    @Test
    void aChinesePhraseTypedIntoTheSearchFindsItsArticle() throws IOException {
        open("#view=pages");
        awaitText(ReplayFixture.TITLES.get("formulas"));
        WebElement search = inputs().stream()
                .filter(i -> i.getAttribute("placeholder") != null && i.getAttribute("placeholder").startsWith("Search"))
                .findFirst().orElseThrow(() -> new AssertionError("no search box in the page list: " + text()));
        // ReplayWeb.page's search (a flexsearch index with its default tokenizer) finds whole words; Chinese text has
        // no spaces, so a clause between punctuation marks is one word to it.
        search.sendKeys(ReplayFixture.ONCE_CLAUSE);
        try {
            new WebDriverWait(driver, PATIENCE).until(d -> !text().contains(ReplayFixture.TITLES.get("formulas"))
                    && text().contains(ReplayFixture.TITLES.get("once")));
        } catch (TimeoutException e) {
            throw new AssertionError("search for " + ReplayFixture.ONCE_CLAUSE + " did not narrow the list to its"
                    + " article; the page shows: " + text(), e);
        }
        screenshot("wacz-replay-search.png");
    }

    private void assertReadable(String name, String phrase, int images) {
        openReplay(WaczReadable.url(ArticlePages.path(fixture.keys().get(name))).toString(), newest.id().start());
        awaitText(phrase);
        try {
            new WebDriverWait(driver, PATIENCE).until(d -> loadedImages() >= images);
        } catch (TimeoutException e) {
            throw new AssertionError(name + ": " + loadedImages() + " of " + images + " images loaded", e);
        }
    }

    private static ManifestEntry entry(String name) {
        return newest.entry(fixture.keys().get(name)).orElseThrow();
    }

    private static void open(String fragment) {
        driver.get(server.uri("/") + "?source=" + URLEncoder.encode(server.uri("/fixture.wacz").toString(),
                StandardCharsets.UTF_8) + fragment);
    }

    private static void openReplay(String url, Instant ts) {
        open("#view=replay&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&ts=" + TIMESTAMP.format(ts));
    }

    private static String text() {
        return (String) ((JavascriptExecutor) driver).executeScript(DEEP, "text");
    }

    @SuppressWarnings("unchecked")
    private static List<WebElement> inputs() {
        return (List<WebElement>) ((JavascriptExecutor) driver).executeScript(DEEP, "inputs");
    }

    private static long loadedImages() {
        return (Long) ((JavascriptExecutor) driver).executeScript(DEEP.replace("return what ===",
                "if (what === 'images') return out.filter(i => i.complete && i.naturalWidth > 0).length;\nreturn what ==="),
                "images");
    }

    @SuppressWarnings("unchecked")
    private static WebElement awaitReplayFrame(String url) {
        return new WebDriverWait(driver, PATIENCE).until(d -> ((List<WebElement>) ((JavascriptExecutor) d)
                .executeScript(DEEP, "frames")).stream()
                .filter(f -> f.getAttribute("src") != null && f.getAttribute("src").contains("mp_/")
                        && f.getAttribute("src").contains(url.substring(url.indexOf("://") + 3)))
                .findFirst().orElse(null));
    }

    private static void awaitText(String phrase) {
        try {
            new WebDriverWait(driver, PATIENCE).until(d -> text().contains(phrase));
        } catch (TimeoutException e) {
            throw new AssertionError("ReplayWeb.page never showed \"" + phrase + "\"; it shows: " + text(), e);
        }
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void screenshot(String name) throws IOException {
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
