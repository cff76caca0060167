package io.linkshelf.crawl;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * What every capture job of one run shares.
 *
 * @param options the run's options
 * @param ledger the snapshot manifest being written
 * @param history what earlier snapshots hold
 * @param scheduler per-host politeness
 * @param fetch polite fetching with retries and recording
 * @param robots robots.txt per host
 * @param queue where discovered images and last tries go
 * @param notices messages for the user (a host stopped, a cookie file line skipped)
 * @param fatal the first storage error; once set, the run stops
 * @param budget article pages per host in the rolling last 24 hours, shared by all runs
 * @param knownGood pages already archived and known good, per host, for the probe after a block
 */
record RunContext(
        CrawlOptions options,
        RunLedger ledger,
        History history,
        HostScheduler scheduler,
        PoliteFetch fetch,
        RobotsBook robots,
        WorkQueue queue,
        Consumer<String> notices,
        AtomicReference<Exception> fatal,
        DailyBudget budget,
        KnownGoodPages knownGood) {}
