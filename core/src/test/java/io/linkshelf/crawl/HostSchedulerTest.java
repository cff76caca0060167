package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The politeness rules, exactly, on an injected clock; one real-time check of the locking. */
class HostSchedulerTest {

    private final FakePoliteClock clock = new FakePoliteClock();

    private HostScheduler scheduler(Duration gap, double jitter, Duration coolDown) {
        SiteProfile profile = new SiteProfile("*", gap, jitter, OptionalInt.empty(), false);
        return new HostScheduler(h -> profile, coolDown, new Random(1), clock);
    }

    /** The gaps between request starts on one host, each request taking {@code requestMillis}. */
    private List<Long> gaps(HostScheduler s, String host, int requests, long requestMillis, Optional<Duration> retryAfter)
            throws InterruptedException {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            HostScheduler.Turn turn = s.awaitTurn(host).orElseThrow();
            starts.add(clock.millis());
            clock.advanceMillis(requestMillis);
            s.finish(turn, retryAfter);
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < starts.size(); i++) {
            gaps.add(starts.get(i) - starts.get(i - 1));
        }
        return gaps;
    }

    @Test
    void theGapRunsFromTheEndOfOneRequestToTheStartOfTheNext() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(150), 0, Duration.ofSeconds(1));
        assertThat(gaps(s, "a.example", 4, 40, Optional.empty())).containsOnly(190L);
    }

    @Test
    void jitterVariesTheGapWithinItsBand() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(10_000), 0.3, Duration.ofSeconds(1));
        List<Long> gaps = gaps(s, "a.example", 500, 0, Optional.empty());
        assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(7_000L, 13_000L));
        assertThat(gaps.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(7_300);
        assertThat(gaps.stream().mapToLong(Long::longValue).max().orElseThrow()).isGreaterThan(12_700);
    }

    @Test
    void aCrawlDelayIsAFloorThatJitterLengthensButNeverShortens() throws Exception {
        // Zhihu's case: Crawl-delay 2 over a shorter profile delay with ±30 % jitter
        HostScheduler s = scheduler(Duration.ofMillis(1_000), 0.3, Duration.ofSeconds(1));
        s.raiseDelay("zhuanlan.example", Duration.ofSeconds(2));
        List<Long> gaps = gaps(s, "zhuanlan.example", 1_000, 0, Optional.empty());
        assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(2_000L, 2_600L));
        assertThat(gaps).filteredOn(g -> g > 2_000).hasSizeGreaterThan(300);
        assertThat(gaps).filteredOn(g -> g == 2_000).hasSizeGreaterThan(300);
    }

    @Test
    void aCrawlDelayUnderTheProfileDelayChangesNothing() throws Exception {
        HostScheduler s = scheduler(Duration.ofSeconds(10), 0.3, Duration.ofSeconds(1));
        s.raiseDelay("a.example", Duration.ofSeconds(2));
        assertThat(gaps(s, "a.example", 300, 0, Optional.empty())).allSatisfy(g -> assertThat(g).isBetween(7_000L, 13_000L));
        assertThat(s.gapOf("a.example")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void robotsCrawlDelayRaisesButNeverLowersTheGap() {
        HostScheduler s = scheduler(Duration.ofSeconds(3), 0, Duration.ofSeconds(1));
        s.raiseDelay("a.example", Duration.ofSeconds(10));
        assertThat(s.gapOf("a.example")).isEqualTo(Duration.ofSeconds(10));
        s.raiseDelay("a.example", Duration.ofSeconds(1));
        assertThat(s.gapOf("a.example")).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.gapOf("b.example")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retryAfterLengthensTheGapButNeverShortensIt() throws Exception {
        HostScheduler s = scheduler(Duration.ofSeconds(1), 0, Duration.ofSeconds(1));
        assertThat(gaps(s, "a.example", 2, 0, Optional.of(Duration.ofSeconds(5)))).containsExactly(5_000L);
        assertThat(gaps(s, "b.example", 2, 0, Optional.of(Duration.ofMillis(300)))).containsExactly(1_000L);
    }

    @Test
    void differentHostsDoNotWaitForEachOther() throws Exception {
        HostScheduler s = scheduler(Duration.ofSeconds(10), 0, Duration.ofSeconds(1));
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        long before = clock.millis();
        s.finish(s.awaitTurn("b.example").orElseThrow(), Optional.empty());
        assertThat(clock.millis()).isEqualTo(before);
        assertThat(s.waits()).isEmpty();
    }

    @Test
    void aBlockCoolsTheHostDownOnceAndAFinePageEndsTheRun() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(100), 0, Duration.ofSeconds(60));
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty()); // the blocked page
        long blockedAt = clock.millis();
        s.coolDown("a.example");
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty()); // the probe, which comes back fine
        assertThat(clock.millis() - blockedAt).isEqualTo(60_000);
        s.notBlocked("a.example");
        long probeAt = clock.millis();
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        assertThat(clock.millis() - probeAt).as("the normal gap after a fine probe").isEqualTo(100);
        s.coolDown("a.example");
        long next = clock.millis();
        s.awaitTurn("a.example").orElseThrow();
        assertThat(clock.millis() - next).as("no escalation: the next block's cool-down is the base one").isEqualTo(60_000);
    }

    @Test
    void siteBlocksDoubleTheCoolDownAndThreeInARowStopTheHost() throws Exception {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ofSeconds(60));
        List<Long> waits = new ArrayList<>();
        for (int block = 1; block <= 2; block++) {
            s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty()); // blocked page
            s.coolDown("a.example");
            long t = clock.millis();
            s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty()); // probe, blocked too
            waits.add(clock.millis() - t);
            assertThat(s.siteBlocked("a.example")).isFalse();
        }
        assertThat(waits).containsExactly(60_000L, 120_000L);
        long t = clock.millis();
        s.awaitTurn("a.example").orElseThrow();
        assertThat(clock.millis() - t).as("the doubled cool-down after the second site block").isEqualTo(240_000);
        assertThat(s.siteBlocked("a.example")).isTrue();
        assertThat(s.awaitTurn("a.example")).isEmpty();
        assertThat(s.stopOf("a.example")).hasValueSatisfying(stop -> {
            assertThat(stop.cause()).isEqualTo(HostScheduler.StopCause.BLOCKS);
            assertThat(stop.reason()).isEqualTo("a.example stopped for this run after 3 blocks in a row");
        });
        assertThat(s.isStopped("b.example")).isFalse();
    }

    @Test
    void fiveNetworkFailuresInARowMakeAHostUnreachableAndAResponseResetsTheCount() {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ZERO);
        for (int i = 0; i < 4; i++) {
            assertThat(s.unreachableOnce("a.example", "unknown host")).isFalse();
        }
        s.reached("a.example");
        for (int i = 0; i < 4; i++) {
            assertThat(s.unreachableOnce("a.example", "unknown host")).isFalse();
        }
        assertThat(s.unreachableOnce("a.example", "connection refused")).isTrue();
        assertThat(s.isStopped("a.example")).isTrue();
        assertThat(s.unreachableWhy("a.example")).isEqualTo("connection refused");
        assertThat(s.stopOf("a.example").orElseThrow().reason()).startsWith("a.example could not be reached (connection refused");
    }

    @Test
    void reportsHowLongAWaitingHostStillWaits() throws Exception {
        SiteProfile profile = new SiteProfile("*", Duration.ofSeconds(10), 0, OptionalInt.empty(), false);
        List<Duration> seen = new ArrayList<>();
        HostScheduler[] scheduler = new HostScheduler[1];
        PoliteClock watching = new PoliteClock() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public void await(Object monitor, long nanos) {
                seen.addAll(scheduler[0].waits().values()); // what a progress line would show during the wait
                clock.await(monitor, nanos);
            }
        };
        HostScheduler s = new HostScheduler(h -> profile, Duration.ZERO, new Random(1), watching);
        scheduler[0] = s;
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        clock.advanceMillis(1_000);
        s.awaitTurn("a.example").orElseThrow();
        assertThat(seen).containsExactly(Duration.ofSeconds(9));
        assertThat(s.waits()).as("no wait once the turn is taken").isEmpty();
    }

    @Test
    void oneRequestInFlightPerHostAcrossThreads() throws Exception {
        SiteProfile profile = new SiteProfile("*", Duration.ZERO, 0, OptionalInt.empty(), false);
        HostScheduler s = new HostScheduler(h -> profile, Duration.ofSeconds(1), new Random(1));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int[] inFlight = {0};
        int[] maxInFlight = {0};
        for (int i = 0; i < 12; i++) {
            pool.submit(() -> {
                HostScheduler.Turn turn = s.awaitTurn("a.example").orElseThrow();
                synchronized (inFlight) {
                    maxInFlight[0] = Math.max(maxInFlight[0], ++inFlight[0]);
                }
                Thread.sleep(5);
                synchronized (inFlight) {
                    inFlight[0]--;
                }
                s.finish(turn, Optional.empty());
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(maxInFlight[0]).isEqualTo(1);
    }
}
