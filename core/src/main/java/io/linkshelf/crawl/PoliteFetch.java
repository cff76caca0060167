package io.linkshelf.crawl;

import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * One URL fetched the polite way: wait for the host's turn, fetch, record every exchange, and retry
 * network errors, 429 and 5xx at most three times with exponential backoff and jitter (or the
 * server's Retry-After). The final response's last exchange is left for the caller to record, since
 * only the caller knows whether it is new content or a revisit.
 */
final class PoliteFetch {

    static final int MAX_ATTEMPTS = 4;
    /** A Retry-After longer than this is not waited for within the run: the entry fails and the next run tries. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(15);

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 500, 502, 503, 504);
    private static final Set<FetchResult.Cause> RETRYABLE_CAUSES =
            Set.of(FetchResult.Cause.NETWORK, FetchResult.Cause.TIMEOUT, FetchResult.Cause.TRUNCATED);

    private final HttpFetcher fetcher;
    private final HostScheduler scheduler;
    private final RobotsBook robots;
    private final ExchangeWriter writer;
    private final RunLedger ledger;
    private final Duration backoff;
    private final Random random;

    PoliteFetch(HttpFetcher fetcher, HostScheduler scheduler, RobotsBook robots, ExchangeWriter writer, RunLedger ledger,
            Duration backoff, Random random) {
        this.fetcher = fetcher;
        this.scheduler = scheduler;
        this.robots = robots;
        this.writer = writer;
        this.ledger = ledger;
        this.backoff = backoff;
        this.random = random;
    }

    /**
     * The final attempt's result (the caller closes it), with every exchange but its last already
     * recorded; empty when the host was stopped (or found unreachable) before a request could be sent.
     */
    Optional<Fetched> fetch(FetchRequest request) throws IOException, InterruptedException {
        return fetch(request, MAX_ATTEMPTS);
    }

    /** One request, never retried: the probe that tells a URL's own captcha from a site that blocks us. */
    Optional<Fetched> fetchOnce(FetchRequest request) throws IOException, InterruptedException {
        return fetch(request, 1);
    }

    private Optional<Fetched> fetch(FetchRequest request, int maxAttempts) throws IOException, InterruptedException {
        String host = hostOf(request.uri());
        List<String> earlierFailures = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            long waitStart = System.nanoTime();
            Optional<HostScheduler.Turn> turn = scheduler.awaitTurn(host);
            long waited = (System.nanoTime() - waitStart) / 1_000_000;
            if (turn.isEmpty()) {
                return Optional.empty();
            }
            HopTurns turns = new HopTurns(scheduler, turn.get(), Optional.of(robots), request.privateAddressAllowed());
            FetchResult result;
            try {
                result = fetcher.fetch(request, turns);
            } catch (java.io.UncheckedIOException storage) {
                turns.release(Optional.empty());
                throw storage.getCause(); // recording a redirect target's robots.txt failed
            }
            ledger.host(host, h -> new SnapshotManifest.HostSummary(h.requests() + Math.max(1, result.exchanges().size()),
                    h.waitedMillis() + waited, h.robotsExcluded(), h.crawlDelaySeconds(), h.stoppedReason()));
            boolean nowUnreachable = account(scheduler, result);
            Optional<Duration> wait = retryWait(result, attempt);
            boolean retry = wait.isPresent() && attempt < maxAttempts && !nowUnreachable;
            try {
                List<RecordedExchange> exchanges = result.exchanges();
                int keep = retry ? exchanges.size() : exchanges.size() - 1;
                for (int i = 0; i < keep; i++) {
                    writer.write(exchanges.get(i));
                }
            } catch (IOException | RuntimeException e) {
                turns.release(Optional.empty());
                result.close();
                throw e;
            }
            turns.release(retry ? wait : result.retryAfter().filter(d -> d.compareTo(MAX_RETRY_AFTER) <= 0));
            if (!retry) {
                return Optional.of(new Fetched(result, attempt, List.copyOf(earlierFailures)));
            }
            earlierFailures.add(describe(result));
            result.close();
        }
    }

    /**
     * Tells the scheduler whether the request reached its host: a response of any kind resets the
     * count of network failures in a row, a failure to reach the host adds one.
     *
     * @return whether the host is now unreachable for the run
     */
    static boolean account(HostScheduler scheduler, FetchResult result) {
        String failedHost = hostOf(result.finalUri());
        Optional<String> unreachable = result.failure().flatMap(FetchResult.Failure::unreachable);
        for (RecordedExchange exchange : result.exchanges()) {
            if (exchange.status() > 0) {
                scheduler.reached(hostOf(exchange.target()));
            }
        }
        if (unreachable.isPresent()) {
            return scheduler.unreachableOnce(failedHost, unreachable.get());
        }
        return false;
    }

    /** Writes the final exchange of a result as a response record; empty if it carries no response. */
    Optional<Capture> recordLast(FetchResult result) throws IOException {
        Optional<RecordedExchange> last = result.lastExchange();
        return last.isEmpty() ? Optional.empty() : writer.write(last.get());
    }

    Capture recordLastAsRevisit(FetchResult result, Capture original) throws IOException {
        return writer.writeRevisit(result.lastExchange().orElseThrow(), original);
    }

    /** How long to wait before retrying, or empty when the result is final. */
    private Optional<Duration> retryWait(FetchResult result, int attempt) {
        boolean retryable = result.failure().map(f -> RETRYABLE_CAUSES.contains(f.cause())).orElse(false)
                || (result.isComplete() && RETRYABLE_STATUS.contains(result.status()));
        if (!retryable) {
            return Optional.empty();
        }
        Optional<Duration> asked = result.retryAfter();
        if (asked.isPresent()) {
            return asked.get().compareTo(MAX_RETRY_AFTER) <= 0 ? asked : Optional.empty();
        }
        double jitter = 0.5 + random.nextDouble();
        return Optional.of(Duration.ofNanos((long) (backoff.toNanos() * (1L << (attempt - 1)) * jitter)));
    }

    static String describe(FetchResult result) {
        return result.failure().map(FetchResult.Failure::reason).orElse("HTTP " + result.status());
    }

    static String hostOf(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    /**
     * A fetch's final result.
     *
     * @param result the last attempt (the caller closes it)
     * @param attempts how many requests were sent for the URL
     * @param earlierFailures what went wrong with the attempts before the last
     */
    record Fetched(FetchResult result, int attempts, List<String> earlierFailures) {}
}
