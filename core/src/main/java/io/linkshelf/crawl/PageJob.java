package io.linkshelf.crawl;

import io.linkshelf.extract.Article;
import io.linkshelf.extract.ArticleExtractor;
import io.linkshelf.extract.ImageFinder;
import io.linkshelf.extract.ImageRef;
import io.linkshelf.extract.PageClassifier;
import io.linkshelf.extract.PageResponse;
import io.linkshelf.extract.PageState;
import io.linkshelf.extract.PageVerdict;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Captures one catalog entry's page: politeness and robots first, then the fetch, then the
 * outcome class, the record (new response or revisit), and the images the page shows.
 */
final class PageJob {

    private final RunContext run;

    PageJob(RunContext run) {
        this.run = run;
    }

    /** Captures the page; returns the final HTTP status, or 0 when none came. */
    int capture(String key, boolean lastTry) throws IOException, InterruptedException {
        ManifestEntry entry = run.ledger().entry(key).orElseThrow();
        URI url = URI.create(entry.seedUrl());
        String host = PoliteFetch.hostOf(url);
        if (run.scheduler().isStopped(host)) {
            return 0;
        }
        // A listed URL on a private host is the user's choice; a public one redirecting inward is refused.
        boolean privateAllowed = run.options().allowPrivateNetworks() || NetworkPolicy.isNonPublicHost(url);
        RobotsRules robots = run.robots().rulesFor(url, privateAllowed);
        if (run.options().robots() == RobotsMode.OBEY && !robots.allows(url)) {
            run.ledger().update(key, e -> e.withOutcome(Outcome.ROBOTS, "robots.txt of " + host + " disallows it"));
            return 0;
        }
        OptionalInt budget = run.options().profiles().forHost(host).pageBudget();
        if (budget.isPresent() && !run.budget().spend(host, budget.getAsInt())) {
            String reason = budgetReason(host, budget.getAsInt(), run.budget().reopensAt(host, budget.getAsInt()));
            run.scheduler().stopFor(host, HostScheduler.StopCause.BUDGET, reason);
            run.ledger().update(key, e -> e.withOutcome(Outcome.PENDING, reason));
            return 0;
        }
        Optional<ManifestEntry> previous = run.history().lastGood(key);
        FetchRequest request = conditional(FetchRequest.page(url).withPrivateAddressAllowed(privateAllowed), previous);
        Optional<PoliteFetch.Fetched> fetched = run.fetch().fetch(request);
        if (fetched.isEmpty()) {
            run.ledger().update(key, e -> e.withOutcome(Outcome.PENDING, stoppedReason(run.scheduler(), host)));
            return 0;
        }
        try (FetchResult result = fetched.get().result()) {
            settle(entry, previous, result, fetched.get().attempts(), lastTry);
            return result.isComplete() ? result.status() : 0;
        }
    }

    private void settle(ManifestEntry entry, Optional<ManifestEntry> previous, FetchResult result, int attempts,
            boolean lastTry) throws IOException, InterruptedException {
        String key = entry.key();
        String host = PoliteFetch.hostOf(URI.create(entry.seedUrl()));
        Optional<String> finalUrl = Optional.of(result.finalUri().toString());
        Optional<Integer> status = result.status() > 0 ? Optional.of(result.status()) : Optional.empty();
        Optional<Capture> lastGood = previous.flatMap(ManifestEntry::content);
        int tries = entry.attempts() + attempts;

        if (result.failure().isPresent() && result.failure().get().cause() == FetchResult.Cause.HOST_STOPPED) {
            run.fetch().recordLast(result);
            run.ledger().update(key, e -> e.withOutcome(Outcome.PENDING, result.failure().get().reason()));
            return;
        }
        if (result.failure().isPresent() && result.failure().get().unreachable().isPresent()) {
            // Not the entry's fault: the host (or the network) could not be reached. The next run tries again.
            run.fetch().recordLast(result);
            String why = result.failure().get().unreachable().get();
            run.ledger().update(key, e -> e.withOutcome(Outcome.PENDING, PoliteFetch.hostOf(result.finalUri())
                    + " could not be reached (" + why + "); the next run tries again"));
            return;
        }
        if (result.failure().isPresent()) {
            // A cut-short response is kept in WARC (marked WARC-Truncated) but is never the entry's capture.
            run.fetch().recordLast(result);
            FetchResult.Failure failure = result.failure().get();
            String reason = (failure.cause() == FetchResult.Cause.TOO_LARGE ? "too-large: " : "") + failure.reason()
                    + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
            run.ledger().update(key, e -> e.withPage(Outcome.FAILED, reason, finalUrl, status, Optional.empty(), lastGood,
                    e.validators(), e.article(), tries));
            return;
        }
        if (result.status() == 304 && lastGood.isPresent()) {
            Capture revisit = run.fetch().recordLastAsRevisit(result, lastGood.get());
            run.scheduler().notBlocked(host);
            ManifestEntry unchanged = run.ledger().update(key, e -> e.withPage(Outcome.UNCHANGED, "not modified (304)",
                    finalUrl, status, Optional.of(revisit), lastGood, previous.get().validators(), previous.get().article(), tries));
            run.knownGood().add(unchanged);
            reuseImages(key, previous.get());
            return;
        }
        PageResponse response = new PageResponse(URI.create(entry.seedUrl()), result.finalUri(), redirectsOf(result),
                result.status(), result.contentType(), result.body());
        PageVerdict verdict = PageClassifier.classify(response);
        if (isBlock(verdict)) {
            Optional<Capture> record = run.fetch().recordLast(result);
            run.scheduler().coolDown(host);
            Probe probe = probe(host, key);
            if (probe.pageFine()) {
                run.scheduler().notBlocked(host);
                run.ledger().update(key, e -> e.withPage(Outcome.BLOCKED, verdict.reason() + "; " + probe.finding(),
                        finalUrl, status, record, lastGood, e.validators(), e.article(), tries));
                return;
            }
            boolean stopped = run.scheduler().siteBlocked(host);
            run.ledger().update(key, e -> e.withPage(Outcome.BLOCKED, verdict.reason() + "; " + probe.finding(), finalUrl,
                    status, record, lastGood, e.validators(), e.article(), tries));
            if (stopped) {
                run.notices().accept(stoppedReason(run.scheduler(), host) + ". " + advice(host));
            } else if (!lastTry) {
                run.queue().lastTry(key);
            }
            return;
        }
        run.scheduler().notBlocked(host);
        Outcome outcome = switch (verdict.state()) {
            case DELETED -> Outcome.DELETED;
            case NOT_FOUND -> Outcome.NOT_FOUND;
            case FAILED -> Outcome.FAILED;
            default -> Outcome.OK;
        };
        if (outcome != Outcome.OK) {
            Optional<Capture> record = run.fetch().recordLast(result);
            String reason = verdict.reason() + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
            run.ledger().update(key, e -> e.withPage(outcome, reason, finalUrl, status, record, lastGood,
                    e.validators(), e.article(), tries));
            return;
        }
        // One extraction serves the manifest's facts and the image list (the extractor's images are
        // ImageFinder's, from the same body); pages with no article still get their images found.
        Optional<Article> article = ArticleExtractor.extract(response);
        List<ImageRef> images = article.map(Article::images).orElseGet(() -> ImageFinder.find(response));
        RecordedExchange last = result.lastExchange().orElseThrow();
        Optional<String> digest = ExchangeWriter.payloadDigest(last);
        boolean same = lastGood.isPresent() && lastGood.get().kind() == Capture.Kind.RESPONSE
                && digest.isPresent() && digest.equals(lastGood.get().payloadDigest());
        Capture record = same ? run.fetch().recordLastAsRevisit(result, lastGood.get()) : run.fetch().recordLast(result).orElseThrow();
        Capture content = same ? lastGood.get() : record;
        ManifestEntry.Validators validators = new ManifestEntry.Validators(last.header("ETag"), last.header("Last-Modified"));
        String reason = same ? "same content as the capture of " + lastGood.get().date() : verdict.reason();
        ManifestEntry captured = run.ledger().update(key, e -> e.withPage(same ? Outcome.UNCHANGED : Outcome.OK, reason,
                finalUrl, status, Optional.of(record), Optional.of(content), validators, ManifestEntry.ArticleFacts.of(article), tries));
        run.knownGood().add(captured);
        queueImages(key, images.stream().map(ref -> ref.url().toString()).distinct().toList());
        if (run.options().expandColumns() && article.isPresent()) {
            ColumnMembers.expand(run, entry, article.get());
        }
    }

    /** A 304 keeps the earlier capture's images; those that never made it are tried again. */
    private void reuseImages(String key, ManifestEntry previous) throws IOException {
        queueImages(key, previous.images().stream().map(ImageCapture::url).toList());
    }

    private void queueImages(String key, List<String> urls) throws IOException {
        List<ImageCapture> images = new ArrayList<>();
        List<URI> toFetch = new ArrayList<>();
        for (String url : urls) {
            Optional<Capture> known = run.options().refreshImages() ? Optional.empty() : run.history().image(url);
            if (known.isPresent()) {
                images.add(new ImageCapture(url, ImageOutcome.CACHED, "", known, Optional.empty()));
            } else {
                images.add(new ImageCapture(url, ImageOutcome.PENDING, "not fetched yet", Optional.empty(), Optional.empty()));
                toFetch.add(URI.create(url));
            }
        }
        run.ledger().update(key, e -> e.withImages(images));
        toFetch.forEach(u -> run.queue().image(u, key));
    }

    private static FetchRequest conditional(FetchRequest request, Optional<ManifestEntry> previous) {
        if (previous.isEmpty() || previous.get().content().isEmpty()) {
            return request;
        }
        FetchRequest r = request;
        Optional<String> etag = previous.get().validators().etag();
        Optional<String> lastModified = previous.get().validators().lastModified();
        if (etag.isPresent()) {
            r = r.withHeader("If-None-Match", etag.get());
        }
        if (lastModified.isPresent()) {
            r = r.withHeader("If-Modified-Since", lastModified.get());
        }
        return r;
    }

    private static List<URI> redirectsOf(FetchResult result) {
        List<RecordedExchange> hops = result.exchanges();
        List<URI> redirects = new ArrayList<>();
        for (int i = 1; i < hops.size(); i++) {
            redirects.add(hops.get(i).target());
        }
        return redirects;
    }

    /**
     * After a block: asks the host, once, for a page already archived and known good. If it comes back
     * fine, the block was the URL's own; if it is blocked too (or cannot be asked), the site blocks us.
     */
    private Probe probe(String host, String blockedKey) throws IOException, InterruptedException {
        Optional<KnownGoodPages.Page> page = run.knownGood().probeFor(host, blockedKey);
        if (page.isEmpty()) {
            return new Probe(false, "no page of " + host + " archived yet to tell a bad URL from a blocking site");
        }
        KnownGoodPages.Page good = page.get();
        boolean privateAllowed = run.options().allowPrivateNetworks() || NetworkPolicy.isNonPublicHost(good.url());
        FetchRequest request = FetchRequest.page(good.url()).withPrivateAddressAllowed(privateAllowed);
        if (good.validators().etag().isPresent()) {
            request = request.withHeader("If-None-Match", good.validators().etag().get());
        }
        if (good.validators().lastModified().isPresent()) {
            request = request.withHeader("If-Modified-Since", good.validators().lastModified().get());
        }
        Optional<PoliteFetch.Fetched> fetched = run.fetch().fetchOnce(request);
        if (fetched.isEmpty()) {
            return new Probe(false, host + " stopped before the probe");
        }
        try (FetchResult result = fetched.get().result()) {
            if (result.status() == 304 && result.isComplete() && good.content().isPresent()) {
                run.fetch().recordLastAsRevisit(result, good.content().get());
            } else {
                run.fetch().recordLast(result);
            }
            if (!result.isComplete()) {
                return new Probe(false, "the probe of " + good.url() + " failed (" + PoliteFetch.describe(result)
                        + "), so the site may be blocking us");
            }
            boolean fine = result.status() == 304 || !isBlock(PageClassifier.classify(new PageResponse(good.url(),
                    result.finalUri(), redirectsOf(result), result.status(), result.contentType(), result.body())));
            return fine
                    ? new Probe(true, "the archived page " + good.url() + " came back fine, so the block is this URL's"
                            + " (it is tried again in the next snapshot)")
                    : new Probe(false, "the archived page " + good.url() + " was blocked too: " + host + " is blocking us");
        }
    }

    /** What the probe after a block found. */
    private record Probe(boolean pageFine, String finding) {}

    private static boolean isBlock(PageVerdict verdict) {
        return verdict.state() == PageState.BLOCKED || verdict.state() == PageState.LOGIN_REQUIRED;
    }

    /** Why an entry of a stopped host stays pending, in the stop's own words. */
    static String stoppedReason(HostScheduler scheduler, String host) {
        return scheduler.stopOf(host).map(HostScheduler.Stop::reason).orElse(host + " stopped for this run");
    }

    static String budgetReason(String host, int limit, java.time.Instant reopens) {
        return "the page budget of " + limit + " a day for " + host + " is spent; it reopens at "
                + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
                        .withZone(java.time.ZoneOffset.UTC).format(reopens)
                + ", and the next run after that continues";
    }

    static String advice(String host) {
        String zhihu = host.endsWith("zhihu.com") ? " For Zhihu, export your browser's cookies to a cookies.txt and pass --cookies." : "";
        return "Its remaining entries stay pending: wait some hours before the next run, or raise --delay." + zhihu;
    }
}
