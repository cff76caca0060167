package io.linkshelf.crawl;

import edu.uci.ics.crawler4j.frontier.Frontier;
import edu.uci.ics.crawler4j.url.WebURL;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * crawler4j's frontier, made host-aware. crawler4j hands URLs to workers in queue order, so a
 * queue full of one host's pages would leave every worker waiting on that host's politeness gap
 * while the other hosts idle. This frontier keeps the persistent HSQLDB frontier underneath, but
 * gives a worker a URL only of a host nobody is fetching from, so hosts proceed in parallel and
 * each host has at most one request in flight.
 *
 * <p>Thread-safe: crawler4j's workers call it concurrently.
 */
final class HostQueues implements Frontier {

    private static final int DRAIN_BATCH = 500;
    private static final long IDLE_WAIT_MILLIS = 200;

    private final Frontier store;
    private final Predicate<String> stoppedHost;
    private final java.util.function.ToLongFunction<WebURL> order;
    private final Map<String, Deque<WebURL>> queues = new LinkedHashMap<>();
    private final Map<String, Deque<WebURL>> lastTries = new LinkedHashMap<>();
    private final Set<String> busy = new HashSet<>();
    private final Map<String, Long> lastHanded = new LinkedHashMap<>();
    private boolean finished;

    /**
     * @param store the persistent crawler4j frontier underneath
     * @param stoppedHost hosts stopped for the run; their remaining URLs are dropped, not handed out
     * @param order the order in which a host's URLs are handed out (the order they were scheduled in)
     */
    HostQueues(Frontier store, Predicate<String> stoppedHost, java.util.function.ToLongFunction<WebURL> order) {
        this.store = store;
        this.stoppedHost = stoppedHost;
        this.order = order;
    }

    @Override
    public void scheduleAll(List<WebURL> urls) {
        store.scheduleAll(urls);
        wake();
    }

    @Override
    public void schedule(WebURL url) {
        store.schedule(url);
        wake();
    }

    /**
     * Queues a URL for one more try after everything else of its host (a page that was blocked
     * once gets a second chance at the end of the run).
     */
    synchronized void scheduleLastTry(WebURL url) {
        lastTries.computeIfAbsent(hostOf(url), h -> new ArrayDeque<>()).add(url);
        notifyAll();
    }

    /**
     * Hands out at most one URL, of a host that is neither busy nor stopped; waits until there is
     * one or the crawl is finished.
     */
    @Override
    public synchronized void getNextURLs(int max, List<WebURL> result) {
        while (!finished) {
            drainStore();
            Optional<String> host = nextFreeHost();
            if (host.isPresent()) {
                String h = host.get();
                Deque<WebURL> queue = queues.getOrDefault(h, new ArrayDeque<>());
                WebURL url = queue.isEmpty() ? lastTries.get(h).poll() : queue.poll();
                busy.add(h);
                lastHanded.put(h, System.nanoTime());
                result.add(url);
                return;
            }
            // Wait, do not return empty: crawler4j counts a worker as idle only while it is inside this
            // call, and ends the crawl once every worker is idle and the queue is empty.
            try {
                wait(IDLE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void setProcessed(WebURL url) {
        store.setProcessed(url);
        synchronized (this) {
            busy.remove(hostOf(url));
            notifyAll();
        }
    }

    @Override
    public synchronized long getQueueLength() {
        return pending() + store.getQueueLength();
    }

    @Override
    public long getNumberOfAssignedPages() {
        return store.getNumberOfAssignedPages();
    }

    @Override
    public long getNumberOfProcessedPages() {
        return store.getNumberOfProcessedPages();
    }

    @Override
    public long getNumberOfScheduledPages() {
        return store.getNumberOfScheduledPages();
    }

    @Override
    public synchronized boolean isFinished() {
        return finished;
    }

    @Override
    public void close() {
        store.close();
    }

    @Override
    public void finish() {
        synchronized (this) {
            finished = true;
            notifyAll();
        }
        store.finish();
    }

    private synchronized void wake() {
        notifyAll();
    }

    private void drainStore() {
        List<WebURL> batch = new ArrayList<>();
        // The HSQLDB frontier's getNextURLs waits while its queue is empty, so ask only when it has work.
        while (store.getQueueLength() > 0) {
            batch.clear();
            store.getNextURLs(DRAIN_BATCH, batch);
            batch.sort(Comparator.comparingLong(order));
            for (WebURL url : batch) {
                queues.computeIfAbsent(hostOf(url), h -> new ArrayDeque<>()).add(url);
            }
            if (batch.isEmpty()) {
                break;
            }
        }
        dropStoppedHosts(queues);
        dropStoppedHosts(lastTries);
    }

    /** URLs of a stopped host are never fetched this run; their entries stay pending for the next. */
    private void dropStoppedHosts(Map<String, Deque<WebURL>> byHost) {
        byHost.entrySet().removeIf(e -> !busy.contains(e.getKey()) && stoppedHost.test(e.getKey()) && markDropped(e.getValue()));
    }

    private boolean markDropped(Deque<WebURL> urls) {
        urls.forEach(store::setProcessed);
        return true;
    }

    /** The free host with work, preferring the one served longest ago so no host starves. */
    private Optional<String> nextFreeHost() {
        Set<String> candidates = new HashSet<>();
        queues.forEach((h, q) -> {
            if (!q.isEmpty()) {
                candidates.add(h);
            }
        });
        lastTries.forEach((h, q) -> {
            if (!q.isEmpty() && queues.getOrDefault(h, new ArrayDeque<>()).isEmpty()) {
                candidates.add(h);
            }
        });
        candidates.removeAll(busy);
        return candidates.stream().min(Comparator.comparingLong(h -> lastHanded.getOrDefault(h, Long.MIN_VALUE)));
    }

    private int pending() {
        int n = 0;
        for (Deque<WebURL> q : queues.values()) {
            n += q.size();
        }
        for (Deque<WebURL> q : lastTries.values()) {
            n += q.size();
        }
        return n;
    }

    static String hostOf(WebURL url) {
        String host = URI.create(url.getURL()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
