package io.linkshelf.crawl;

/**
 * The time politeness is measured in, and how a thread waits for it. The real one is
 * {@link System#nanoTime()} and {@link Object#wait(long)}; tests inject one whose waits only move
 * its hands, so every politeness rule can be checked exactly instead of within a real-time window.
 */
interface PoliteClock {

    /** A monotonic time in nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /**
     * Waits on {@code monitor} (whose lock the caller holds) for at most {@code nanos}, or until
     * notified; {@code nanos <= 0} waits until notified.
     */
    void await(Object monitor, long nanos) throws InterruptedException;

    PoliteClock SYSTEM = new PoliteClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Object monitor, long nanos) throws InterruptedException {
            if (nanos <= 0) {
                monitor.wait();
            } else {
                monitor.wait(Math.max(1, (nanos + 999_999) / 1_000_000));
            }
        }
    };
}
