package io.linkshelf.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * The politeness turn a fetch holds, which every redirect hop hands back and waits for again: a hop
 * to the same host waits that host's gap like any other request, and a hop to another host waits
 * for that host's turn (after its robots.txt). Handing the turn back before waiting for the next one
 * means two fetches redirecting towards each other's hosts can never wait on each other.
 */
final class HopTurns implements HttpFetcher.HopGate {

    private final HostScheduler scheduler;
    private final Optional<RobotsBook> robots;
    private final boolean privateAddressAllowed;
    private Optional<HostScheduler.Turn> held;

    /**
     * @param robots the robots.txt of a host reached by a hop is fetched first; empty while fetching a
     *     robots.txt itself
     */
    HopTurns(HostScheduler scheduler, HostScheduler.Turn first, Optional<RobotsBook> robots, boolean privateAddressAllowed) {
        this.scheduler = scheduler;
        this.held = Optional.of(first);
        this.robots = robots;
        this.privateAddressAllowed = privateAddressAllowed;
    }

    @Override
    public boolean beforeHop(URI next) throws InterruptedException {
        String host = PoliteFetch.hostOf(next);
        boolean sameHost = held.isPresent() && held.get().host().equals(host);
        release(Optional.empty());
        if (!sameHost && robots.isPresent()) {
            try {
                robots.get().rulesFor(next, privateAddressAllowed);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // recording the robots.txt failed: a storage error
            }
        }
        held = scheduler.awaitTurn(host);
        return held.isPresent();
    }

    /** Hands the turn back, if one is held; the host's next request waits its gap, or longer. */
    void release(Optional<java.time.Duration> atLeast) {
        held.ifPresent(turn -> scheduler.finish(turn, atLeast));
        held = Optional.empty();
    }
}
