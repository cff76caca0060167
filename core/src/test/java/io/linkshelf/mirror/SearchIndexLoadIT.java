package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The synthetic 1,100-article index (see {@link SearchIndexSizeTest}) in a real headless Chromium from
 * {@code file://}: how long the page spends loading {@code search-index.js} (median of several loads, printed), and
 * that search.js decodes the large-index encodings (bitmaps only appear with many documents) to the ranking
 * {@link SearchIndex#rank} computes. A term only deep in a long body and a common term in one title are the cases
 * that matter.
 */
class SearchIndexLoadIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final int LOADS = 7;
    /** Generous for a busy shared machine; the printed median is the figure to read. */
    private static final double MAX_MEDIAN_MS = 800;
    /** U+9CB2 and U+9E4F: the synthetic text only uses every fifth character from U+4E00, so neither occurs. */
    private static final String DEEP = "鲲鹏";
    private static final String COMMON = "召回";

    @TempDir
    static Path dir;

    static Path site;
    static ChromeDriver driver;
    static SearchIndex index;
    static List<SearchDoc> docs;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        docs = articles();
        index = new SearchIndex(docs);
        // Kept under target/ as a test artefact, so a person can open what the browser saw.
        site = Files.createDirectories(Path.of("target", "search-load-it").toAbsolutePath());
        Files.writeString(site.resolve("search-index.js"), index.toJavaScript(), StandardCharsets.UTF_8);
        try (InputStream in = SearchIndex.class.getResourceAsStream("search.js")) {
            Files.write(site.resolve("search.js"), in.readAllBytes());
        }
        // Inline scripts time the blocking load of the index script; the real page differs only by its CSP.
        Files.writeString(site.resolve("index.html"), """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>load</title></head><body>
                <input id="q"><p id="search-status"></p><ol id="results"></ol>
                <script>window.t0 = performance.now();</script>
                <script src="search-index.js"></script>
                <script>window.t1 = performance.now();</script>
                <script src="search.js"></script>
                </body></html>
                """, StandardCharsets.UTF_8);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--proxy-server=http://127.0.0.1:9",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The synthetic articles, with the common term in a third of the bodies and one title, and a long article. */
    static List<SearchDoc> articles() {
        List<SearchDoc> synthetic = SearchIndexSizeTest.syntheticArticles(SearchIndexSizeTest.ARTICLES, SearchIndexSizeTest.CHARS);
        Random random = new Random(7);
        List<SearchDoc> out = new ArrayList<>();
        for (int d = 0; d < synthetic.size(); d++) {
            SearchDoc doc = synthetic.get(d);
            String text = doc.text();
            if (d % 3 == 0) {
                int at = random.nextInt(text.length());
                text = text.substring(0, at) + (COMMON + "，").repeat(1 + random.nextInt(6)) + text.substring(at);
            }
            String title = d == 500 ? "推荐系统中的" + COMMON + "：双塔模型" : doc.title();
            if (d == 700) {
                String more = synthetic.get(701).text() + synthetic.get(702).text() + synthetic.get(703).text();
                text = text + more + "。" + DEEP + "之变。" + synthetic.get(704).text();
            }
            out.add(new SearchDoc(doc.path(), title, doc.author(), doc.date(), text));
        }
        return out;
    }

    private static double load() {
        driver.get(site.resolve("index.html").toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                "complete".equals(driver.executeScript("return document.readyState")));
        Number ms = (Number) driver.executeScript("return window.t1 - window.t0");
        return ms.doubleValue();
    }

    /** Types the query as a person would (an input event) and returns the result paths and the time taken. */
    @SuppressWarnings("unchecked")
    private static List<Object> search(String query) {
        return (List<Object>) driver.executeScript("""
                var q = document.getElementById('q'), t = performance.now();
                q.value = arguments[0];
                q.dispatchEvent(new Event('input'));
                var ms = performance.now() - t;
                return [ms, Array.from(document.querySelectorAll('#results li a.hit-title')).map(a => a.getAttribute('href')),
                        document.querySelectorAll('#results li .snippet mark').length];
                """, query);
    }

    /** For a before/after figure: {@code -Dlinkshelf.compareIndex=FILE} times loading another index script the same way. */
    private static void compareWith(String file) {
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.copy(Path.of(file), site.resolve("search-index.js"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            double[] times = new double[LOADS];
            for (int i = 0; i < LOADS; i++) {
                times[i] = load();
            }
            double[] sorted = times.clone();
            Arrays.sort(sorted);
            System.out.printf("%s %.2f MiB: load times %s ms, median %.0f ms%n", file, Files.size(Path.of(file)) / 1048576.0,
                    Arrays.toString(Arrays.stream(times).map(Math::round).toArray()), sorted[LOADS / 2]);
            Files.writeString(site.resolve("search-index.js"), index.toJavaScript(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIndexLoadsWellUnderASecondAndSearchesAsTheJavaRankingDoes() {
        double[] times = new double[LOADS];
        for (int i = 0; i < LOADS; i++) {
            times[i] = load();
        }
        List<Object> first = search(COMMON);
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        long bytes = index.toJavaScript().getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("search-index.js %.2f MiB: load times %s ms, median %.0f ms; first search (decoding) %.0f ms%n",
                bytes / 1048576.0, Arrays.toString(Arrays.stream(times).map(Math::round).toArray()), sorted[LOADS / 2],
                ((Number) first.get(0)).doubleValue());
        assertThat(sorted[LOADS / 2]).isLessThan(MAX_MEDIAN_MS);

        List<String> common = (List<String>) first.get(1);
        assertThat(common).first().isEqualTo(docs.get(500).path());
        assertThat(common).containsExactlyElementsOf(index.rank(COMMON).subList(0, common.size()));

        assertThat(index.rank(DEEP)).containsExactly(docs.get(700).path());
        List<Object> deep = search(DEEP);
        assertThat((List<String>) deep.get(1)).containsExactly(docs.get(700).path());
        for (String query : List.of("deepfm", "MMoE 召回", "召回模型", "鹏")) {
            List<String> hits = (List<String>) search(query).get(1);
            assertThat(hits).as(query).isNotEmpty();
            if (!query.equals("鹏")) {
                assertThat(hits).as(query).containsExactlyElementsOf(index.rank(query).subList(0, hits.size()));
            }
        }
        assertThat((List<String>) search("鹏").get(1)).as("a lone character matches the bigrams it begins").contains(docs.get(700).path());
        compareWith(System.getProperty("linkshelf.compareIndex", ""));
    }
}
