package io.linkshelf.crawl;

import de.hshn.mi.crawler4j.frontier.HSQLDBFrontierConfiguration;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.crawler.CrawlController;
import edu.uci.ics.crawler4j.frontier.DocIDServer;
import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.frontier.FrontierConfiguration;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtConfig;
import edu.uci.ics.crawler4j.robotstxt.RobotstxtServer;
import edu.uci.ics.crawler4j.url.WebURL;
import edu.uci.ics.crawler4j.url.WebURLFactory;
import io.linkshelf.Version;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.WarcIndexer;
import io.linkshelf.warc.WarcRecorder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Takes (or continues) one snapshot: crawler4j drives the frontier and the workers; linkshelf's
 * fetcher, per-host scheduler and WARC recorder do the capturing. Not reusable: one instance, one run.
 */
public final class Crawl {

    /** Workers: enough for every host of a typical list (two article hosts, two image CDNs) to proceed at once. */
    static final int WORKERS = 6;

    private final CrawlOptions options;
    private final CrawlListener listener;
    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    private final Clock clock;
    private final Optional<SSLContext> trust;

    public Crawl(CrawlOptions options, CrawlListener listener) {
        this(options, listener, Clock.systemUTC(), Optional.empty());
    }

    /**
     * A crawl with its wall clock (for the 24-hour budget) and, for tests only, the TLS trust to use
     * instead of the JVM's default trust store.
     */
    Crawl(CrawlOptions options, CrawlListener listener, Clock clock, Optional<SSLContext> trust) {
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.trust = trust;
    }

    /** Runs the crawl; the archive lock must be held by the caller. */
    @SuppressWarnings("try") // the ticker runs for the try block's duration, never used by name
    public CrawlSummary run() throws IOException, InterruptedException {
        Instant started = clock.instant();
        if (options.catalog().entries().isEmpty()) {
            throw new IllegalArgumentException("the seed list holds no article links; see `linkshelf seeds` for what it reads");
        }
        if (SnapshotPlanner.select(options).isEmpty()) {
            throw new IllegalArgumentException("--only / --limit select no entry of the seed list; see `linkshelf seeds`");
        }
        Path archive = options.archive();
        ManifestStore store = new ManifestStore(ArchiveLayout.of(archive).snapshots());
        SnapshotManifest base = SnapshotPlanner.plan(options, store, started, runOptions());
        boolean resumed = base.runs() > 1;
        RunLedger ledger = new RunLedger(store, base, runOptions());
        ledger.write(java.util.Optional.empty());
        History history = History.load(store, java.util.Optional.of(base.id()));

        HostScheduler scheduler = new HostScheduler(options.profiles()::forHost, options.coolDown(), new Random());
        // a stop for blocks gets its notice, with advice, from the page job that saw the third block
        scheduler.onStop(stop -> {
            if (stop.cause() != HostScheduler.StopCause.BLOCKS) {
                notice(stop.reason());
            }
        });
        ArchiveLayout layout = ArchiveLayout.of(archive);
        DailyBudget budget = DailyBudget.load(layout.budgetFile(), clock);
        HttpsHosts httpsHosts = HttpsHosts.load(layout.httpsHostsFile());
        KnownGoodPages knownGood = knownGood(ledger, history);
        Set<String> articleHosts = articleHosts(ledger);
        budget.forecast(pendingPerHost(ledger), options.profiles()).forEach(this::notice);
        AtomicReference<Exception> fatal = new AtomicReference<>();
        Path frontierDir = freshFrontierDir(archive);
        CrawlConfig config = crawlConfig(frontierDir);
        FetcherSettings settings = fetcherSettings();
        try (WarcRecorder recorder = WarcRecorder.open(ArchiveLayout.of(archive).warc(), base.id().value(), warcinfo(),
                        WarcRecorder.DEFAULT_ROLL_AT_BYTES, options.recordSecrets());
                HttpFetcher fetcher = new HttpFetcher(settings, clock, httpsHosts)) {
            fetcher.cookieWarnings().forEach(this::notice);
            ExchangeWriter writer = new ExchangeWriter(recorder);
            RobotsBook robots = new RobotsBook(fetcher, scheduler, writer, ledger, listedByHost(ledger));
            PoliteFetch fetch = new PoliteFetch(fetcher, scheduler, robots, writer, ledger, options.retryBackoff(), new Random());

            FrontierConfiguration frontiers = new HSQLDBFrontierConfiguration(config, 2);
            // Once no article host can be reached (no network, a dead proxy), nothing else is tried either.
            Map<String, Long> scheduledOrder = new java.util.concurrent.ConcurrentHashMap<>();
            HostQueues queues = new HostQueues(frontiers.getFrontier(),
                    host -> scheduler.isStopped(host) || scheduler.offline(articleHosts).isPresent(),
                    url -> scheduledOrder.getOrDefault(url.getURL(), Long.MAX_VALUE));
            FrontierAdapter adapter = new FrontierAdapter(frontiers, queues, scheduledOrder);
            CaptureJobs jobs = new CaptureJobs(adapter);
            LinkshelfPageFetcher pageFetcher = new LinkshelfPageFetcher(config, jobs);
            RobotstxtConfig robotsConfig = new RobotstxtConfig();
            robotsConfig.setEnabled(false); // robots.txt is fetched, recorded and applied by RobotsBook
            CrawlController controller = new CrawlController(config, new crawlercommons.filters.basic.BasicURLNormalizer(),
                    pageFetcher, new RobotstxtServer(robotsConfig, pageFetcher, frontiers.getWebURLFactory()), adapter);
            adapter.bind(controller);
            jobs.bind(new RunContext(options, ledger, history, scheduler, fetch, robots, jobs, this::notice, fatal,
                    budget, knownGood), controller::shutdown);

            scheduleWork(ledger, history, jobs);
            try (ProgressTicker ticker = new ProgressTicker(ledger, scheduler, budget, options.profiles(), base.id(),
                    started, listener)) {
                controller.start(CatalogCrawler::new, WORKERS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // crawler4j's CrawlController constructor declares a bare Exception
            throw new IOException("the crawler could not start: " + e.getMessage(), e);
        }
        settleLeftovers(ledger, scheduler);
        SnapshotManifest finished = ledger.write(java.util.Optional.of(clock.instant()));
        deleteQuietly(frontierDir);
        if (fatal.get() != null) {
            throw new IOException(fatal.get().getMessage()
                    + "; the snapshot is saved as far as it got, and the next run resumes it", fatal.get());
        }
        WarcIndexer.update(ArchiveLayout.of(archive).warc(), ArchiveLayout.of(archive).cdxj());
        return CrawlSummary.of(finished, resumed, Duration.between(started, clock.instant()), ledger.hosts(), notices,
                store.pathOf(base.id()), scheduler.offline(articleHosts));
    }

    private void notice(String message) {
        notices.add(message);
        listener.onNotice(message);
    }

    /**
     * Pages of unsettled entries, and images an earlier run of this snapshot did not reach. Pages
     * never captured come first, then those whose last capture is oldest: when a budget cannot cover
     * the list, successive runs rotate through all of it.
     */
    private static void scheduleWork(RunLedger ledger, History history, CaptureJobs jobs) {
        List<ManifestEntry> pages = new ArrayList<>(ledger.entries().stream().filter(e -> e.outcome() == Outcome.PENDING).toList());
        pages.sort(Comparator.comparing((ManifestEntry e) -> lastCapture(history, e).orElse(Instant.MIN)));
        for (ManifestEntry entry : pages) {
            jobs.page(entry.key(), entry.seedUrl());
        }
        for (ManifestEntry entry : ledger.entries()) {
            for (ImageCapture image : entry.images()) {
                if (image.outcome() == ImageOutcome.PENDING) {
                    jobs.image(URI.create(image.url()), entry.key());
                }
            }
        }
    }

    private static Optional<Instant> lastCapture(History history, ManifestEntry entry) {
        return history.lastGood(entry.key()).flatMap(ManifestEntry::content).map(io.linkshelf.warc.Capture::date);
    }

    /** Good pages of earlier snapshots, and of earlier runs of this one, newest last (so probed first). */
    private static KnownGoodPages knownGood(RunLedger ledger, History history) {
        KnownGoodPages pages = new KnownGoodPages();
        List<ManifestEntry> good = new ArrayList<>();
        for (ManifestEntry entry : ledger.entries()) {
            history.lastGood(entry.key()).ifPresent(good::add);
        }
        good.sort(Comparator.comparing((ManifestEntry e) -> e.content().map(io.linkshelf.warc.Capture::date).orElse(Instant.MIN)));
        good.forEach(pages::add);
        ledger.entries().stream().filter(e -> e.outcome().hasContent() && e.content().isPresent()).forEach(pages::add);
        return pages;
    }

    /** Article pages this run has to fetch, per host. */
    private static Map<String, Integer> pendingPerHost(RunLedger ledger) {
        Map<String, Integer> pending = new java.util.TreeMap<>();
        for (ManifestEntry entry : ledger.entries()) {
            if (entry.outcome() == Outcome.PENDING) {
                pending.merge(PoliteFetch.hostOf(URI.create(entry.seedUrl())), 1, Integer::sum);
            }
        }
        return pending;
    }

    /** The hosts of the article pages this run has to fetch. */
    private static Set<String> articleHosts(RunLedger ledger) {
        return new java.util.TreeSet<>(pendingPerHost(ledger).keySet());
    }

    /** Entries still pending say why: their host was stopped (and for what), or the run ended before reaching them. */
    private static void settleLeftovers(RunLedger ledger, HostScheduler scheduler) throws IOException {
        for (ManifestEntry entry : ledger.entries()) {
            String host = PoliteFetch.hostOf(URI.create(entry.seedUrl()));
            Optional<HostScheduler.Stop> stop = scheduler.stopOf(host);
            if (stop.isPresent()) {
                ledger.host(host, h -> new SnapshotManifest.HostSummary(h.requests(), h.waitedMillis(),
                        h.robotsExcluded(), h.crawlDelaySeconds(), Optional.of(stop.get().reason())));
                if (entry.outcome() == Outcome.PENDING && entry.reason().equals("not reached yet")) {
                    ledger.update(entry.key(), e -> e.withOutcome(Outcome.PENDING, stop.get().reason()));
                }
            }
        }
    }

    private static Map<String, List<URI>> listedByHost(RunLedger ledger) {
        Map<String, List<URI>> byHost = new LinkedHashMap<>();
        for (ManifestEntry entry : ledger.entries()) {
            URI url = URI.create(entry.seedUrl());
            byHost.computeIfAbsent(PoliteFetch.hostOf(url), h -> new ArrayList<>()).add(url);
        }
        return byHost;
    }

    private Map<String, String> runOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("robots", options.robots().name().toLowerCase(java.util.Locale.ROOT));
        o.put("cooldownSeconds", String.valueOf(options.coolDown().toMillis() / 1000.0));
        o.put("userAgent", options.userAgent());
        for (SiteProfile p : options.profiles().rows()) {
            o.put("delay[" + p.hostPattern() + "]", p.delay().toMillis() / 1000.0 + " s ±" + Math.round(p.jitter() * 100) + " %"
                    + p.pageBudget().stream().mapToObj(b -> ", budget " + b).findFirst().orElse(""));
        }
        options.proxy().ifPresent(p -> o.put("proxy", p.toString()));
        o.put("refreshImages", String.valueOf(options.refreshImages()));
        return o;
    }

    private Map<String, String> warcinfo() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("robots", options.robots() == RobotsMode.OBEY ? "obey" : "classic-listed");
        fields.put("http-header-user-agent", options.userAgent());
        fields.put("description", "linkshelf snapshot of a curated article list");
        return fields;
    }

    private FetcherSettings fetcherSettings() {
        FetcherSettings s = FetcherSettings.defaults(options.userAgent())
                .withCaps(options.maxPageBytes(), options.maxImageBytes())
                .withTimeouts(Duration.ofSeconds(15), options.timeout())
                .withAllowPrivateNetworks(options.allowPrivateNetworks());
        if (options.proxy().isPresent()) {
            s = s.withProxy(options.proxy().get());
        }
        if (options.cookies().isPresent()) {
            s = s.withCookiesFile(options.cookies().get());
        }
        if (trust.isPresent()) {
            s = s.withSslContext(trust.get());
        }
        return s;
    }

    private static CrawlConfig crawlConfig(Path frontierDir) {
        CrawlConfig config = new CrawlConfig();
        config.setCrawlStorageFolder(frontierDir.toString());
        config.setResumableCrawling(false); // the snapshot manifest is what a run resumes from
        config.setPolitenessDelay(0); // politeness is per host, in HostScheduler
        config.setMaxDepthOfCrawling(0);
        config.setIncludeBinaryContentInCrawling(false);
        config.setProcessBinaryContentInCrawling(false);
        config.setOnlineTldListUpdate(false);
        config.setBatchReadSize(1);
        config.setShutdownOnEmptyQueue(true);
        config.setThreadMonitoringDelaySeconds(1);
        config.setThreadShutdownDelaySeconds(1);
        config.setCleanupDelaySeconds(1);
        config.setUserAgentString("linkshelf/" + Version.current());
        return config;
    }

    /** crawler4j's state is rebuilt each run from the manifest, so a frontier left by a killed run is swept away. */
    private static Path freshFrontierDir(Path archive) throws IOException {
        Path dir = ArchiveLayout.of(archive).frontier();
        Path state = dir.getParent();
        Files.createDirectories(state);
        try (Stream<Path> old = Files.list(state)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("frontier")).toList()) {
                deleteQuietly(p);
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // state/ is safe to delete by hand; a leftover frontier is swept at the next run's start
        }
    }

    /** Puts URLs into crawler4j's frontier with docids from its DocIDServer, once each. */
    private static final class FrontierAdapter implements FrontierConfiguration, CaptureJobs.Enqueuer {
        private final FrontierConfiguration delegate;
        private final HostQueues queues;
        private final Set<String> scheduled = new HashSet<>();
        private final Map<String, Long> order;
        private CrawlController controller;

        /** @param order filled with each URL's place in the order of scheduling, which the queues keep */
        FrontierAdapter(FrontierConfiguration delegate, HostQueues queues, Map<String, Long> order) {
            this.delegate = delegate;
            this.queues = queues;
            this.order = order;
        }

        void bind(CrawlController controller) {
            this.controller = controller;
        }

        @Override
        public DocIDServer getDocIDServer() {
            return delegate.getDocIDServer();
        }

        @Override
        public Frontier getFrontier() {
            return queues;
        }

        @Override
        public WebURLFactory getWebURLFactory() {
            return delegate.getWebURLFactory();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public void schedule(String url) {
            synchronized (this) {
                if (!scheduled.add(url)) {
                    return;
                }
                order.put(url, (long) order.size());
            }
            queues.schedule(webUrl(url));
        }

        @Override
        public void scheduleLastTry(String url) {
            queues.scheduleLastTry(webUrl(url));
        }

        private WebURL webUrl(String url) {
            WebURL web = delegate.getWebURLFactory().newWebUrl();
            web.setURL(url);
            web.setDepth((short) 0);
            web.setDocid(delegate.getDocIDServer().getNewDocID(url));
            return web;
        }
    }
}
