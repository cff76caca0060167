package io.linkshelf.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Per-host politeness: one request in flight per host, a jittered gap between request starts,
 * longer gaps from robots.txt, Retry-After and backoff, the cool-down after a block, and the
 * stop after three blocks in a row. Thread-safe; different hosts never wait for each other.
 */
final class HostScheduler {

    /** Blocks in a row after which a host is left alone for the rest of the run. */
    static final int BLOCKS_TO_STOP = 3;

    private final Function<String, SiteProfile> profiles;
    private final Duration coolDown;
    private final Random random;
    private final Map<String, HostState> hosts = new HashMap<>();

    HostScheduler(Function<String, SiteProfile> profiles, Duration coolDown, Random random) {
        this.profiles = profiles;
        this.coolDown = coolDown;
        this.random = random;
    }

    /** A robots.txt Crawl-delay or Request-rate raises the host's gap; it never lowers it. */
    synchronized void raiseDelay(String host, Duration robotsDelay) {
        HostState state = state(host);
        if (robotsDelay.compareTo(state.minimumGap) > 0) {
            state.minimumGap = robotsDelay;
        }
    }

    /**
     * Waits until the host is free and its gap since the previous request start has passed, then
     * marks it busy. Returns empty, without waiting, when the host was stopped for this run.
     */
    Optional<Turn> awaitTurn(String host) throws InterruptedException {
        String key = normalise(host);
        synchronized (this) {
            HostState state = state(key);
            while (true) {
                if (state.stopped) {
                    return Optional.empty();
                }
                long now = System.nanoTime();
                if (!state.busy && now >= state.nextStart) {
                    state.busy = true;
                    state.waitingUntil = 0;
                    return Optional.of(new Turn(key));
                }
                if (!state.busy) {
                    state.waitingUntil = state.nextStart;
                    long waitMillis = Math.max(1, (state.nextStart - now + 999_999) / 1_000_000);
                    wait(waitMillis);
                } else {
                    wait();
                }
            }
        }
    }

    /**
     * Frees the host; the next request may start one jittered gap after this one ended, or later.
     * Counting from the end rather than the start costs a response time per request, and in
     * return the site sees at least the gap between request starts however slowly our request left.
     */
    synchronized void finish(Turn turn, Optional<Duration> atLeast) {
        HostState state = state(turn.host());
        state.busy = false;
        long gap = jittered(turn.host(), state).toNanos();
        long next = System.nanoTime() + gap;
        if (atLeast.isPresent()) {
            next = Math.max(next, System.nanoTime() + atLeast.get().toNanos());
        }
        state.nextStart = Math.max(state.nextStart, next);
        notifyAll();
    }

    /**
     * Records a block by the site: the host cools down (the base cool-down, doubling with each
     * further block in a row) and stops for the run after {@link #BLOCKS_TO_STOP} in a row.
     *
     * @return whether the host is now stopped
     */
    synchronized boolean blocked(String host) {
        HostState state = state(normalise(host));
        state.blocksInARow++;
        long factor = 1L << Math.min(20, state.blocksInARow - 1);
        long until = System.nanoTime() + coolDown.toNanos() * factor;
        state.nextStart = Math.max(state.nextStart, until);
        if (state.blocksInARow >= BLOCKS_TO_STOP) {
            state.stopped = true;
        }
        notifyAll();
        return state.stopped;
    }

    /** A page that was not a block ends the run of blocks. */
    synchronized void notBlocked(String host) {
        state(normalise(host)).blocksInARow = 0;
    }

    synchronized boolean isStopped(String host) {
        return state(normalise(host)).stopped;
    }

    /** Counts one article page against the host's per-run budget; false when the budget is spent. */
    synchronized boolean spendBudget(String host) {
        HostState state = state(normalise(host));
        if (state.budgetLeft == 0) {
            return false;
        }
        if (state.budgetLeft > 0) {
            state.budgetLeft--;
        }
        return true;
    }

    /** Hosts waiting for their turn and the monotonic time (System.nanoTime) they may go, for progress. */
    synchronized Map<String, Long> waits() {
        Map<String, Long> waits = new HashMap<>();
        hosts.forEach((host, state) -> {
            if (state.waitingUntil > System.nanoTime()) {
                waits.put(host, state.waitingUntil);
            }
        });
        return waits;
    }

    /** The gap the host currently gets between request starts, before jitter. */
    synchronized Duration gapOf(String host) {
        HostState state = state(normalise(host));
        Duration base = profiles.apply(normalise(host)).delay();
        return base.compareTo(state.minimumGap) >= 0 ? base : state.minimumGap;
    }

    private Duration jittered(String host, HostState state) {
        SiteProfile profile = profiles.apply(host);
        Duration base = profile.delay().compareTo(state.minimumGap) >= 0 ? profile.delay() : state.minimumGap;
        if (profile.jitter() == 0 || base.isZero()) {
            return base;
        }
        double factor = 1 + profile.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofNanos((long) (base.toNanos() * factor));
    }

    private HostState state(String host) {
        return hosts.computeIfAbsent(host, h -> new HostState(profiles.apply(h).pageBudget().orElse(-1)));
    }

    private static String normalise(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** Permission to send one request to a host; hand it back with {@link #finish}. */
    record Turn(String host) {}

    private static final class HostState {
        boolean busy;
        boolean stopped;
        long nextStart = Long.MIN_VALUE;
        long waitingUntil;
        int blocksInARow;
        int budgetLeft;
        Duration minimumGap = Duration.ZERO;

        HostState(int budget) {
            this.budgetLeft = budget;
        }
    }
}
