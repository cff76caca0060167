package io.linkshelf.cli;

import io.linkshelf.Version;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.crawl.Crawl;
import io.linkshelf.crawl.CrawlOptions;
import io.linkshelf.crawl.CrawlSummary;
import io.linkshelf.crawl.FetcherSettings;
import io.linkshelf.crawl.RobotsMode;
import io.linkshelf.crawl.SiteProfiles;
import io.linkshelf.crawl.SiteProfilesFile;
import io.linkshelf.report.Reports;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.snapshot.Outcome;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "crawl",
        header = "Takes a snapshot: fetches every article and its images into WARC, politely.",
        description = {
            "Fetches every article of the seed list (default: the bundled list) and the images it shows,",
            "one request at a time per host with per-host delays, and records every HTTP exchange in WARC.",
            "An unfinished snapshot (budget spent, host stopped, run killed) is resumed by the next run.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CrawlCommand implements Callable<Integer> {

    static final String PROJECT_URL = "https://github.com/linkshelf/linkshelf";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--seeds", paramLabel = "FILE", description = "Markdown link list (default: the bundled list).")
    Path seeds;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports", description = "Reports root (default: ${DEFAULT-VALUE}).")
    Path reports = Path.of("reports");

    @Option(names = "--delay", paramLabel = "SEC", description = "Seconds between requests to an article host (default: 10 on WeChat/Zhihu, 3 elsewhere).")
    Double delay;

    @Option(names = "--image-delay", paramLabel = "SEC", description = "Seconds between requests to an image CDN (default: 1).")
    Double imageDelay;

    @Option(names = "--budget", paramLabel = "N", description = "Article pages per host per rolling 24 hours, shared by all runs (default: 400 on WeChat and Zhihu).")
    Integer budget;

    @Option(names = "--cooldown", paramLabel = "SEC", defaultValue = "300", description = "Pause after a block, doubling per further block (default: ${DEFAULT-VALUE}).")
    double coolDown = 300;

    @Option(names = "--robots", paramLabel = "MODE", defaultValue = "listed", description = "listed (count exclusions, honour delays) or obey (skip excluded URLs). Default: ${DEFAULT-VALUE}.")
    RobotsMode robots = RobotsMode.LISTED;

    @Option(names = "--proxy", paramLabel = "URL", description = "HTTP proxy http://host:port, used for http and https.")
    String proxy;

    @Option(names = "--user-agent", paramLabel = "S", description = "User-Agent header (default: linkshelf/<version> (+project URL)).")
    String userAgent;

    @Option(names = "--cookies", paramLabel = "FILE", description = "Netscape cookies.txt exported from your browser (Zhihu needs it).")
    Path cookies;

    @Option(names = "--only", paramLabel = "REGEX", description = "Only entries whose title, author or URL matches.")
    String only;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (after --only).")
    Integer limit;

    @Option(names = "--refresh-images", description = "Fetch images again even when an earlier snapshot has them.")
    boolean refreshImages;

    @Option(names = "--no-expand", description = "Archive a listed Zhihu column as its page only, not the articles it lists.")
    boolean noExpand;

    @Option(names = "--new", description = "Start a new snapshot even if the newest one is unfinished.")
    boolean newSnapshot;

    @Option(names = "--quiet", description = "No progress or notices (for cron); the closing summary is still printed.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON per-host politeness table (see README).")
    Path config;

    @Option(names = "--allow-private-networks", description = "Let pages point at loopback and private addresses.")
    boolean allowPrivateNetworks;

    @Option(names = "--record-secrets", description = "Keep Cookie and Authorization headers in WARC request records.")
    boolean recordSecrets;

    @Option(names = "--timeout", paramLabel = "SEC", defaultValue = "30", description = "Read timeout per request (default: ${DEFAULT-VALUE}).")
    double timeout = 30;

    @Option(names = "--max-page-mb", paramLabel = "MB", defaultValue = "25", description = "Cap on a page's size (default: ${DEFAULT-VALUE}).")
    long maxPageMb = 25;

    @Option(names = "--max-image-mb", paramLabel = "MB", defaultValue = "50", description = "Cap on an image's size (default: ${DEFAULT-VALUE}).")
    long maxImageMb = 50;

    @Option(names = "--retry-backoff", paramLabel = "SEC", defaultValue = "2", hidden = true,
            description = "First retry's wait, doubling per retry (default: ${DEFAULT-VALUE}).")
    double retryBackoff = 2;

    @Override
    @SuppressWarnings("try") // the lock is held for the try block's duration, never used by name
    public Integer call() throws Exception {
        CrawlOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, !quiet && System.console() != null, quiet, ProgressLine.PLAIN_EVERY);
        CrawlSummary summary;
        Path report;
        String news;
        try (ArchiveLock lock = Locks.acquire(common.archive)) {
            summary = crawl(options, progress);
            progress.finish();
            DerivedViews.afterCrawl(common.archive);
            // one view for the report and the news, so the manifests are read (one at a time) once for both
            ArchiveView view = ArchiveView.open(ArchiveLayout.of(common.archive, reports));
            report = Reports.write(view, summary.snapshot(), true);
            news = Reports.news(view, summary.snapshot());
        } catch (java.io.IOException e) {
            throw new ArchiveUnusableException(e.getMessage(), e);
        } finally {
            progress.finish();
        }
        // the news leads: what a keeper of the list wants from cron mail is what disappeared, came back or changed
        out.println(news);
        out.println(CrawlSummaryText.of(summary, report));
        out.flush();
        if (summary.offline().isPresent()) {
            err.println("linkshelf: " + summary.offline().get() + "; every entry stays pending for the next run");
            err.flush();
            return ExitCodes.NO_NETWORK;
        }
        return summary.count(Outcome.FAILED) > 0 ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /**
     * Runs the crawl. Crawl and CrawlOptions check the seed list and the selection before fetching anything and say
     * what is wrong with an IllegalArgumentException; here that is the user's input, a usage error, not a bug.
     */
    private CrawlSummary crawl(CrawlOptions options, ProgressLine progress) throws java.io.IOException, InterruptedException {
        Crawl crawl = new Crawl(options, progress);
        try {
            return crawl.run();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private CrawlOptions options() throws Exception {
        Catalog catalog = seeds == null ? CatalogReader.bundled() : CatalogReader.read(seeds);
        SiteProfiles profiles = SiteProfiles.defaults();
        if (config != null) {
            profiles = profiles.withRowsFirst(SiteProfilesFile.read(config));
        }
        profiles = profiles.withOverrides(seconds("--delay", delay), seconds("--image-delay", imageDelay),
                budget == null ? OptionalInt.empty() : OptionalInt.of(nonNegative("--budget", budget)));
        Optional<URI> proxyUri = Optional.empty();
        if (proxy != null) {
            try {
                proxyUri = Optional.of(FetcherSettings.parseProxy(proxy));
            } catch (IllegalArgumentException e) {
                throw usage("--proxy: " + e.getMessage());
            }
        }
        if (limit != null && limit < 1) {
            throw usage("--limit must be at least 1, was " + limit);
        }
        try {
            return crawlOptions(catalog, profiles, proxyUri);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage()); // CrawlOptions validates what the user gave
        }
    }

    private CrawlOptions crawlOptions(Catalog catalog, SiteProfiles profiles, Optional<URI> proxyUri) {
        return new CrawlOptions(catalog, common.archive, profiles,
                seconds("--cooldown", coolDown).orElseThrow(), robots,
                userAgent == null ? "linkshelf/" + Version.current() + " (+" + PROJECT_URL + ")" : userAgent,
                proxyUri, Optional.ofNullable(cookies), Optional.ofNullable(only).map(this::pattern),
                limit == null ? OptionalInt.empty() : OptionalInt.of(limit), refreshImages, newSnapshot,
                allowPrivateNetworks, recordSecrets, megabytes("--max-page-mb", maxPageMb),
                megabytes("--max-image-mb", maxImageMb), seconds("--timeout", timeout).orElseThrow(),
                seconds("--retry-backoff", retryBackoff).orElseThrow(), !noExpand);
    }

    private Optional<Duration> seconds(String option, Double value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNaN() || value < 0 || value > 86_400) {
            throw usage(option + " must be between 0 and 86400 seconds, was " + value);
        }
        return Optional.of(Duration.ofMillis(Math.round(value * 1000)));
    }

    private int nonNegative(String option, int value) {
        if (value < 0) {
            throw usage(option + " must not be negative, was " + value);
        }
        return value;
    }

    private long megabytes(String option, long mb) {
        if (mb < 1 || mb > 10_000) {
            throw usage(option + " must be between 1 and 10000, was " + mb);
        }
        return mb * 1024 * 1024;
    }

    private Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw usage("--only: " + e.getDescription() + " near index " + e.getIndex() + " of '" + regex + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
