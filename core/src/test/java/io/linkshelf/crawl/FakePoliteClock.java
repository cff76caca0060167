package io.linkshelf.crawl;

/**
 * A politeness clock for single-threaded tests: a wait does not sleep, it moves the hands forward by the
 * time waited, so what a scheduler does is exact and instant.
 */
final class FakePoliteClock implements PoliteClock {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void await(Object monitor, long nanos) {
        if (nanos <= 0) {
            throw new AssertionError("a single-threaded test would wait forever for another thread");
        }
        now += nanos;
    }

    void advanceMillis(long millis) {
        now += millis * 1_000_000L;
    }

    long millis() {
        return now / 1_000_000L;
    }
}
