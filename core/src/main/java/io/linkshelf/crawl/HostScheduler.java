package io.linkshelf.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Per-host politeness: one request in flight per host and, between the end of one request and the
 * start of the next, the gap {@code max(profile delay with jitter, robots.txt floor, Retry-After)};
 * the cool-down after a block and the stop after three site blocks in a row; the stop of a host
 * that cannot be reached. Thread-safe; different hosts never wait for each other. Time comes from
 * an injected {@link PoliteClock}, so the rules are tested exactly.
 */
final class HostScheduler {

    /** Site blocks in a row after which a host is left alone for the rest of the run. */
    static final int BLOCKS_TO_STOP = 3;
    /** Consecutive network failures (unknown host, refused, connect timeout) after which a host is unreachable. */
    static final int FAILURES_TO_UNREACHABLE = 5;

    private final Function<String, SiteProfile> profiles;
    private final Duration coolDown;
    private final Random random;
    private final PoliteClock clock;
    private final Map<String, HostState> hosts = new HashMap<>();
    private java.util.function.Consumer<Stop> stops = stop -> { };

    HostScheduler(Function<String, SiteProfile> profiles, Duration coolDown, Random random) {
        this(profiles, coolDown, random, PoliteClock.SYSTEM);
    }

    HostScheduler(Function<String, SiteProfile> profiles, Duration coolDown, Random random, PoliteClock clock) {
        this.profiles = profiles;
        this.coolDown = coolDown;
        this.random = random;
        this.clock = clock;
    }

    /** Hears every host's stop as it happens (for the user's notices); called with the scheduler's lock held. */
    synchronized void onStop(java.util.function.Consumer<Stop> listener) {
        this.stops = listener;
    }

    /** A robots.txt Crawl-delay or Request-rate is a floor under the host's gap; it never lowers it. */
    synchronized void raiseDelay(String host, Duration robotsDelay) {
        HostState state = state(normalise(host));
        if (robotsDelay.compareTo(state.floor) > 0) {
            state.floor = robotsDelay;
        }
    }

    /**
     * Waits until the host is free and its gap has passed, then marks it busy. Returns empty, without
     * waiting, when the host was stopped for this run.
     */
    Optional<Turn> awaitTurn(String host) throws InterruptedException {
        String key = normalise(host);
        synchronized (this) {
            HostState state = state(key);
            while (true) {
                if (state.stop.isPresent()) {
                    return Optional.empty();
                }
                long now = clock.nanoTime();
                if (!state.busy && now - state.nextStart >= 0) {
                    state.busy = true;
                    state.waitingUntil = Optional.empty();
                    return Optional.of(new Turn(key));
                }
                if (!state.busy) {
                    state.waitingUntil = Optional.of(state.nextStart);
                    clock.await(this, state.nextStart - now);
                } else {
                    clock.await(this, 0);
                }
            }
        }
    }

    /**
     * Frees the host; its next request may start one gap after now, or later. Counting from the end
     * rather than the start costs a response time per request, and in return the site sees at least
     * the gap between request starts however slowly our request left.
     *
     * @param retryAfter what the server asked for (Retry-After) or a retry's backoff, if anything
     */
    synchronized void finish(Turn turn, Optional<Duration> retryAfter) {
        HostState state = state(turn.host());
        state.busy = false;
        Duration gap = gap(turn.host(), state);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(gap) > 0) {
            gap = retryAfter.get();
        }
        push(state, clock.nanoTime() + gap.toNanos());
        notifyAll();
    }

    /**
     * The gap before the host's next request: the profile's delay, or the robots.txt floor if that is
     * longer, varied by the jitter, and never below the floor. Jitter may lengthen the floor, never
     * shorten it (RFC 9309: Crawl-delay only ever makes gaps longer).
     */
    private Duration gap(String host, HostState state) {
        SiteProfile profile = profiles.apply(host);
        Duration base = max(profile.delay(), state.floor);
        if (profile.jitter() == 0 || base.isZero()) {
            return base;
        }
        double factor = 1 + profile.jitter() * (2 * random.nextDouble() - 1);
        return max(Duration.ofNanos((long) (base.toNanos() * factor)), state.floor);
    }

    /**
     * After a block: the host's next request (the probe) waits the cool-down, the base cool-down
     * doubled for every site block in a row so far.
     */
    synchronized void coolDown(String host) {
        HostState state = state(normalise(host));
        long factor = 1L << Math.min(20, state.blocksInARow);
        push(state, clock.nanoTime() + coolDown.toNanos() * factor);
        notifyAll();
    }

    /**
     * Records that the site itself blocks us (a known-good page was blocked too): one more block in a
     * row, a doubled cool-down before the next request, and the stop for the run after
     * {@link #BLOCKS_TO_STOP} in a row.
     *
     * @return whether the host is now stopped
     */
    synchronized boolean siteBlocked(String host) {
        HostState state = state(normalise(host));
        state.blocksInARow++;
        if (state.blocksInARow >= BLOCKS_TO_STOP) {
            stop(state, StopCause.BLOCKS, host + " stopped for this run after " + BLOCKS_TO_STOP + " blocks in a row");
        } else {
            long factor = 1L << Math.min(20, state.blocksInARow);
            push(state, clock.nanoTime() + coolDown.toNanos() * factor);
        }
        notifyAll();
        return state.stop.isPresent();
    }

    /** A page that was not a block ends the run of blocks. */
    synchronized void notBlocked(String host) {
        state(normalise(host)).blocksInARow = 0;
    }

    /**
     * Counts a request that could not reach the host at all (unknown host, connection refused,
     * connect timeout); after {@link #FAILURES_TO_UNREACHABLE} in a row the host is unreachable for
     * the run.
     *
     * @return whether the host is now unreachable
     */
    synchronized boolean unreachableOnce(String host, String why) {
        HostState state = state(normalise(host));
        state.networkFailuresInARow++;
        state.lastNetworkFailure = why;
        if (state.networkFailuresInARow >= FAILURES_TO_UNREACHABLE && state.stop.isEmpty()) {
            stop(state, StopCause.UNREACHABLE, normalise(host) + " could not be reached (" + why + ", "
                    + FAILURES_TO_UNREACHABLE + " tries in a row); its entries stay pending for the next run");
            notifyAll();
        }
        return state.stop.isPresent() && state.stop.get().cause() == StopCause.UNREACHABLE;
    }

    /** The last reason the host could not be reached, in a few words ("unknown host"). */
    synchronized String unreachableWhy(String host) {
        return state(normalise(host)).lastNetworkFailure;
    }

    /**
     * "no network? mp.weixin.qq.com: unknown host; zhuanlan.zhihu.com: unknown host" once every article
     * host of the run was found unreachable; empty while one can still be reached.
     */
    synchronized Optional<String> offline(java.util.Set<String> articleHosts) {
        if (articleHosts.isEmpty()) {
            return Optional.empty();
        }
        java.util.List<String> why = new java.util.ArrayList<>();
        for (String host : articleHosts) {
            Optional<HostScheduler.Stop> stop = stopOf(host);
            if (stop.isEmpty() || stop.get().cause() != HostScheduler.StopCause.UNREACHABLE) {
                return Optional.empty();
            }
            why.add(host + ": " + unreachableWhy(host));
        }
        return Optional.of("no network? " + String.join("; ", why));
    }

    /** Any response at all shows the host can be reached. */
    synchronized void reached(String host) {
        state(normalise(host)).networkFailuresInARow = 0;
    }

    /** Stops a host for the run for another cause (its page budget is spent). */
    synchronized void stopFor(String host, StopCause cause, String reason) {
        HostState state = state(normalise(host));
        if (state.stop.isEmpty()) {
            stop(state, cause, reason);
            notifyAll();
        }
    }

    synchronized boolean isStopped(String host) {
        return state(normalise(host)).stop.isPresent();
    }

    /** Why the host was stopped for the run, if it was. */
    synchronized Optional<Stop> stopOf(String host) {
        return state(normalise(host)).stop;
    }

    /** Hosts waiting for their turn and how much longer each waits, for progress. */
    synchronized Map<String, Duration> waits() {
        Map<String, Duration> waits = new HashMap<>();
        long now = clock.nanoTime();
        hosts.forEach((host, state) -> state.waitingUntil
                .filter(until -> until - now > 0)
                .ifPresent(until -> waits.put(host, Duration.ofNanos(until - now))));
        return waits;
    }

    /** The gap the host currently gets between requests, before jitter. */
    synchronized Duration gapOf(String host) {
        return max(profiles.apply(normalise(host)).delay(), state(normalise(host)).floor);
    }

    private static void push(HostState state, long next) {
        if (state.nextStart == Long.MIN_VALUE || next - state.nextStart > 0) {
            state.nextStart = next;
        }
    }

    private void stop(HostState state, StopCause cause, String reason) {
        state.stop = Optional.of(new Stop(cause, reason));
        try {
            stops.accept(state.stop.get());
        } catch (RuntimeException e) {
            // a listener's trouble must not change what the scheduler decided
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private HostState state(String host) {
        return hosts.computeIfAbsent(host, h -> new HostState(clock.nanoTime()));
    }

    private static String normalise(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    /** Permission to send one request to a host; hand it back with {@link #finish}. */
    record Turn(String host) {}

    /** Why a host stopped for the run. */
    enum StopCause {
        /** Three site blocks in a row. */
        BLOCKS,
        /** Its page budget for the rolling 24 hours is spent. */
        BUDGET,
        /** Five requests in a row could not reach it. */
        UNREACHABLE
    }

    /** A host's stop: its cause and the words for the user. */
    record Stop(StopCause cause, String reason) {}

    private static final class HostState {
        boolean busy;
        Optional<Stop> stop = Optional.empty();
        long nextStart;
        Optional<Long> waitingUntil = Optional.empty();
        int blocksInARow;
        int networkFailuresInARow;
        String lastNetworkFailure = "";
        Duration floor = Duration.ZERO;

        HostState(long now) {
            this.nextStart = now;
        }
    }
}
