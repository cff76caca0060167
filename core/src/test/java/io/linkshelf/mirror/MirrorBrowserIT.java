package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens the mirror in a real headless Chromium from {@code file://} with the network taken away: every request
 * the browser would send to the network goes to a loopback "proxy" that only records it, so the test sees any
 * request a page tries (CSP and the page markup should leave it none). Skips only where Debian's chromium and
 * chromedriver are not installed; CI installs them.
 */
class MirrorBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static Path site;
    static ServerSocket canary;
    static final List<String> networkAttempts = new CopyOnWriteArrayList<>();
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        // Kept under target/ as a test artefact, so a person can open what the browser saw.
        site = Path.of("target", "mirror-it-site").toAbsolutePath();
        deleteTree(site);
        Mirror.build(new MirrorOptions(fixture.archive(), site, fixture.reports(), false));
        networkAttempts.clear(); // static, so a subclass run before (WaczSiteBrowserIT) must not leave its probe here
        canary = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread recorder = new Thread(MirrorBrowserIT::recordAttempts, "network-canary");
        recorder.setDaemon(true);
        recorder.start();

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--disable-client-side-phishing-detection", "--disable-domain-reliability", "--no-pings",
                "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,Translate,MediaRouter",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome-profile")),
                // All traffic, loopback included ("<-loopback>" removes the implicit bypass), goes to the canary.
                "--proxy-server=http://127.0.0.1:" + canary.getLocalPort(), "--proxy-bypass-list=<-loopback>");
        options.setExperimentalOption("prefs", java.util.Map.of("net.network_prediction_options", 2));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1100, 1000));
    }

    /** Records the request line of every connection and closes it: the browser gets no answer from "the network". */
    private static void recordAttempts() {
        while (!canary.isClosed()) {
            try (Socket socket = canary.accept(); InputStream in = socket.getInputStream()) {
                socket.setSoTimeout(2000);
                byte[] head = new byte[256];
                int n = in.read(head);
                networkAttempts.add(n > 0 ? new String(head, 0, n, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("") : "(empty)");
            } catch (IOException closedOrTimedOut) {
                // the test is over, or the browser gave up
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var all = Files.walk(path)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (canary != null) {
            canary.close();
        }
    }

    private static void open(String relative) {
        driver.get(site.resolve(relative).toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static String page(String name) {
        return "a/" + fixture.keys().get(name) + ".html";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> imageStates() {
        return (List<Object>) driver.executeScript(
                "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0);");
    }

    @Test
    void everyImageOfAnArticlePageLoadsFromTheMirror() {
        open(page("changed"));
        assertThat(imageStates()).hasSize(2).containsOnly(true);
        open(page("same"));
        assertThat(imageStates()).hasSize(1).containsOnly(true);
        open(page("failing"));
        assertThat(imageStates()).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".img-missing")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.cssSelector(".img-missing small")).getText()).contains("image not archived");
        // the stylesheet applies (CSP lets our own file through): the column is narrow
        Number width = (Number) driver.executeScript("return document.querySelector('main').getBoundingClientRect().width");
        assertThat(width.doubleValue()).isLessThan(800);
    }

    @Test
    void theTrickyTitleShowsAsTextAndRunsNothing() {
        open(page("tricky"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(FixtureArchive.TITLES.get("tricky"));
        assertThat(driver.findElements(By.cssSelector("img"))).isEmpty();
    }

    @Test
    void chineseAndEnglishQueriesFindTheRightArticleFirst() throws IOException {
        open("index.html");
        assertThat(firstHitFor("召回")).endsWith(page("same"));
        assertThat(driver.findElement(By.cssSelector("#results li .hit-title mark")).getText()).isEqualTo("召回");
        assertThat(firstHitFor("多目标")).endsWith(page("changed"));
        assertThat(firstHitFor("DeepFM")).endsWith(page("blocked"));
        assertThat(firstHitFor("mmoe")).endsWith(page("changed"));
        assertThat(firstHitFor("粗排")).endsWith(page("fresh"));
        firstHitFor("召回");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "mirror-screenshot.png"),
                StandardCopyOption.REPLACE_EXISTING);
        driver.findElement(By.cssSelector("#results li a.hit-title")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(page("same")));
        assertThat(imageStates()).containsOnly(true);
    }

    @Test
    void theIndexFiltersHideEveryRowButTheCheckedKindWithoutAScript() {
        open("index.html");
        List<WebElement> rows = driver.findElements(By.cssSelector("section.author li"));
        assertThat(rows).allMatch(WebElement::isDisplayed);
        driver.findElement(By.cssSelector("label[for=f-gone]")).click();
        List<String> shown = rows.stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
        assertThat(shown).hasSize(2).anyMatch(t -> t.contains(FixtureArchive.TITLES.get("deleted")))
                .anyMatch(t -> t.contains(FixtureArchive.TITLES.get("gone")));
        driver.findElement(By.cssSelector("label[for=f-changed]")).click();
        assertThat(rows.stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList())
                .singleElement().asString().contains(FixtureArchive.TITLES.get("changed"));
        driver.findElement(By.cssSelector("label[for=f-all]")).click();
        assertThat(rows).allMatch(WebElement::isDisplayed);
    }

    @Test
    void anArticlePageReadsWellOnAPhone() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            open(page("changed"));
            Number scroll = (Number) driver.executeScript("return document.documentElement.scrollWidth");
            assertThat(scroll.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(390);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "mirror-phone.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(new Dimension(1100, 1000));
        }
    }

    @Test
    void noPageTriesTheNetworkOrTripsTheContentSecurityPolicy() {
        for (String relative : List.of("index.html", page("changed"), page("failing"), page("deleted"),
                "a/" + fixture.keys().get("changed") + "/v" + fixture.snapshots().get(0).value() + ".html")) {
            open(relative);
        }
        open("index.html");
        firstHitFor("召回");
        List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(problems).as("console warnings and errors (CSP violations, failed loads)").isEmpty();
        // Every URL the fixture pages captured is on 127.0.0.2 or 127.0.0.3, so a page that tried to load anything
        // captured would show here. The browser's own background calls (update checks, its search engine's
        // preconnect) also reach the canary, which shows that the proxy really takes every request.
        assertThat(networkAttempts).as("page requests that tried to reach the network")
                .noneMatch(line -> line.contains("127.0.0.") || line.contains("localhost"));
        // The control: a request to a loopback host does reach the canary, so the check above can fail.
        driver.get("http://127.0.0.5/canary-probe");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> networkAttempts.stream().anyMatch(l -> l.contains("canary-probe")));
    }

    private static String firstHitFor(String query) {
        WebElement box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(query);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> {
            List<WebElement> hits = d.findElements(By.cssSelector("#results li a.hit-title"));
            return !hits.isEmpty() && box.getAttribute("value").equals(query);
        });
        return driver.findElement(By.cssSelector("#results li a.hit-title")).getAttribute("href");
    }
}
