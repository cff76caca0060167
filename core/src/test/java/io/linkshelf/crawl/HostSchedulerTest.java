package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostSchedulerTest {

    private static HostScheduler scheduler(Duration gap, double jitter, Duration coolDown) {
        SiteProfile profile = new SiteProfile("*", gap, jitter, OptionalInt.of(2), false);
        return new HostScheduler(h -> profile, coolDown, new Random(1));
    }

    @Test
    void spacesRequestStartsOnOneHostByTheGap() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(150), 0, Duration.ofSeconds(1));
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HostScheduler.Turn turn = s.awaitTurn("a.example").orElseThrow();
            starts.add(System.nanoTime());
            s.finish(turn, Optional.empty());
        }
        for (int i = 1; i < starts.size(); i++) {
            assertThat((starts.get(i) - starts.get(i - 1)) / 1_000_000).isGreaterThanOrEqualTo(145);
        }
    }

    @Test
    void jitterVariesGapsWithinTheBand() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(100), 0.3, Duration.ofSeconds(1));
        List<Long> gaps = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < 8; i++) {
            HostScheduler.Turn turn = s.awaitTurn("a.example").orElseThrow();
            long now = System.nanoTime();
            if (previous != 0) {
                gaps.add((now - previous) / 1_000_000);
            }
            previous = now;
            s.finish(turn, Optional.empty());
        }
        assertThat(gaps).allSatisfy(g -> assertThat(g).isBetween(69L, 160L));
        assertThat(Collections.max(gaps) - Collections.min(gaps)).isGreaterThan(5);
    }

    @Test
    void differentHostsDoNotWaitForEachOther() throws Exception {
        HostScheduler s = scheduler(Duration.ofMillis(400), 0, Duration.ofSeconds(1));
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        long before = System.nanoTime();
        s.finish(s.awaitTurn("b.example").orElseThrow(), Optional.empty());
        assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(200);
    }

    @Test
    void oneRequestInFlightPerHost() throws Exception {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ofSeconds(1));
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
    void retryAfterPushesTheNextStartOut() throws Exception {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ofSeconds(1));
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.of(Duration.ofMillis(300)));
        long before = System.nanoTime();
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        assertThat((System.nanoTime() - before) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void blocksCoolTheHostDownDoublingAndStopItAfterThreeInARow() throws Exception {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ofMillis(100));
        assertThat(s.blocked("a.example")).isFalse();
        long t0 = System.nanoTime();
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(95);
        assertThat(s.blocked("a.example")).isFalse();
        long t1 = System.nanoTime();
        s.finish(s.awaitTurn("a.example").orElseThrow(), Optional.empty());
        assertThat((System.nanoTime() - t1) / 1_000_000).isGreaterThanOrEqualTo(195);
        assertThat(s.blocked("a.example")).isTrue();
        assertThat(s.awaitTurn("a.example")).isEmpty();
        assertThat(s.isStopped("b.example")).isFalse();
    }

    @Test
    void aGoodPageEndsTheRunOfBlocks() {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ZERO);
        s.blocked("a.example");
        s.blocked("a.example");
        s.notBlocked("a.example");
        assertThat(s.blocked("a.example")).isFalse();
    }

    @Test
    void spendsThePageBudgetPerHost() {
        HostScheduler s = scheduler(Duration.ZERO, 0, Duration.ZERO);
        assertThat(s.spendBudget("a.example")).isTrue();
        assertThat(s.spendBudget("a.example")).isTrue();
        assertThat(s.spendBudget("a.example")).isFalse();
        assertThat(s.spendBudget("b.example")).isTrue();
    }
}
