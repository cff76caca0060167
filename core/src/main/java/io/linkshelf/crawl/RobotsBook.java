package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * robots.txt per host, fetched (and recorded in WARC) before the first other request to the host.
 * Its Crawl-delay and Request-rate always slow the host down; its exclusions apply only under
 * {@code --robots obey}.
 */
final class RobotsBook {

    private final HttpFetcher fetcher;
    private final HostScheduler scheduler;
    private final ExchangeWriter writer;
    private final RunLedger ledger;
    private final Map<String, List<URI>> listed;
    private final Map<String, RobotsRules> rules = new HashMap<>();

    /** @param listed the URLs the user listed, per host, so each host can report how many robots.txt excludes */
    RobotsBook(HttpFetcher fetcher, HostScheduler scheduler, ExchangeWriter writer, RunLedger ledger,
            Map<String, List<URI>> listed) {
        this.fetcher = fetcher;
        this.scheduler = scheduler;
        this.writer = writer;
        this.ledger = ledger;
        this.listed = listed;
    }

    /**
     * The host's rules, fetching robots.txt first if this run has not yet. Only the worker that
     * holds the host calls this, so two fetches of one robots.txt cannot race. robots.txt may reach
     * a private address exactly when the request it precedes may.
     */
    RobotsRules rulesFor(URI anyUrlOnHost, boolean privateAddressAllowed) throws IOException, InterruptedException {
        String host = PoliteFetch.hostOf(anyUrlOnHost);
        synchronized (this) {
            RobotsRules known = rules.get(host);
            if (known != null) {
                return known;
            }
        }
        URI robotsUrl = anyUrlOnHost.resolve("/robots.txt");
        RobotsRules fetched;
        Optional<HostScheduler.Turn> turn = scheduler.awaitTurn(host);
        if (turn.isEmpty()) {
            fetched = RobotsRules.unreachable("host stopped");
        } else {
            // a redirect of robots.txt (http to https, say) waits its turn like every other request
            HopTurns turns = new HopTurns(scheduler, turn.get(), Optional.empty(), privateAddressAllowed);
            try (FetchResult result = fetcher.fetch(
                    FetchRequest.robots(robotsUrl).withPrivateAddressAllowed(privateAddressAllowed), turns)) {
                PoliteFetch.account(scheduler, result);
                for (RecordedExchange exchange : result.exchanges()) {
                    writer.write(exchange);
                }
                fetched = result.isComplete()
                        ? RobotsRules.from(robotsUrl, result.status(), result.body())
                        : RobotsRules.unreachable(PoliteFetch.describe(result));
                // before finish: the gap after robots.txt itself must already be the one it asks for
                fetched.gap().ifPresent(gap -> scheduler.raiseDelay(host, gap));
            } finally {
                turns.release(Optional.empty());
            }
        }
        Optional<Double> seconds = fetched.gap().map(g -> g.toMillis() / 1000.0);
        RobotsRules finalRules = fetched;
        int excluded = (int) listed.getOrDefault(host, List.of()).stream().filter(u -> !finalRules.allows(u)).count();
        ledger.host(host, h -> new SnapshotManifest.HostSummary(h.requests() + 1, h.waitedMillis(), excluded,
                seconds.or(h::crawlDelaySeconds), h.stoppedReason()));
        synchronized (this) {
            rules.put(host, fetched);
        }
        return fetched;
    }

    /** The gap robots.txt asked for on a host, if it was fetched and asked for one. */
    synchronized Optional<Duration> gap(String host) {
        RobotsRules r = rules.get(host);
        return r == null ? Optional.empty() : r.gap();
    }
}
