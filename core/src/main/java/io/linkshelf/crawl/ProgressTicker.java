package io.linkshelf.crawl;

import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the listener how the run goes, once a second, from its own daemon thread. */
final class ProgressTicker implements AutoCloseable {

    private final RunLedger ledger;
    private final HostScheduler scheduler;
    private final DailyBudget budget;
    private final SiteProfiles profiles;
    private final SnapshotId snapshot;
    private final Instant started;
    private final CrawlListener listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "linkshelf-progress");
        t.setDaemon(true);
        return t;
    });

    ProgressTicker(RunLedger ledger, HostScheduler scheduler, DailyBudget budget, SiteProfiles profiles, SnapshotId snapshot,
            Instant started, CrawlListener listener) {
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.budget = budget;
        this.profiles = profiles;
        this.snapshot = snapshot;
        this.started = started;
        this.listener = listener;
        timer.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.SECONDS);
    }

    CrawlProgress progress() {
        Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
        Map<String, Integer> pendingPerHost = new HashMap<>();
        int images = 0;
        int imagesDone = 0;
        int entries = 0;
        for (ManifestEntry e : ledger.entries()) {
            if (e.outcome() == Outcome.SKIPPED) {
                continue;
            }
            entries++;
            byOutcome.merge(e.outcome(), 1, Integer::sum);
            if (e.outcome() == Outcome.PENDING) {
                pendingPerHost.merge(PoliteFetch.hostOf(URI.create(e.seedUrl())), 1, Integer::sum);
            }
            images += e.images().size();
            imagesDone += (int) e.images().stream().filter(i -> i.outcome() != ImageOutcome.PENDING).count();
        }
        Map<String, Duration> waits = new HashMap<>(scheduler.waits());
        // The ETA is for this run: a host's pages up to what its daily budget still allows, at its gap.
        Duration eta = Duration.ZERO;
        for (Map.Entry<String, Integer> host : pendingPerHost.entrySet()) {
            if (!scheduler.isStopped(host.getKey())) {
                int pages = host.getValue();
                var limit = profiles.forHost(host.getKey()).pageBudget();
                if (limit.isPresent()) {
                    pages = Math.min(pages, budget.remaining(host.getKey(), limit.getAsInt()));
                }
                Duration left = scheduler.gapOf(host.getKey()).multipliedBy(pages);
                eta = left.compareTo(eta) > 0 ? left : eta;
            }
        }
        return new CrawlProgress(snapshot, entries, byOutcome, images, imagesDone, waits,
                Duration.between(started, budget.now()), pendingPerHost.isEmpty() ? Optional.empty() : Optional.of(eta));
    }

    private void tick() {
        try {
            listener.onProgress(progress());
        } catch (RuntimeException e) {
            // A listener's trouble must never stop the crawl; the next tick tries again.
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        tick();
    }
}
