package io.linkshelf.testing;

import java.util.concurrent.atomic.AtomicInteger;

/** Live counters of one host, updated by the accept loop and the connection handlers. */
final class HostCounters {
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    void connectionOpened() {
        connections.incrementAndGet();
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    void connectionClosed() {
        open.decrementAndGet();
    }

    void requestStarted() {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    void requestEnded() {
        inFlight.decrementAndGet();
    }

    TestServer.HostStats snapshot() {
        return new TestServer.HostStats(connections.get(), open.get(), maxOpen.get(), maxInFlight.get());
    }
}
