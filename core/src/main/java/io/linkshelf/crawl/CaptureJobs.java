package io.linkshelf.crawl;

import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.Outcome;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches the URLs crawler4j's workers hand out to the page or image job they belong to, and
 * takes the work those jobs discover (images, last tries) back to the frontier.
 */
final class CaptureJobs implements LinkshelfPageFetcher.UrlCapture, WorkQueue {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureJobs.class);

    private final Map<String, String> pageKeys = new HashMap<>();
    private final Map<String, List<String>> imageOwners = new LinkedHashMap<>();
    private final Set<String> lastTries = new HashSet<>();
    private final Map<String, ImageCapture> settledImages = new HashMap<>();
    private final Enqueuer enqueuer;
    private RunContext run;
    private PageJob pages;
    private ImageJob images;
    private Runnable stop = () -> { };

    CaptureJobs(Enqueuer enqueuer) {
        this.enqueuer = enqueuer;
    }

    /** Completes the wiring; the context needs this object as its work queue, hence two steps. */
    void bind(RunContext context, Runnable stopTheCrawl) {
        this.run = context;
        this.pages = new PageJob(context);
        this.images = new ImageJob(context);
        this.stop = stopTheCrawl;
    }

    /** Queues an entry's page. */
    @Override
    public synchronized void page(String key, String url) {
        pageKeys.put(url, key);
        enqueuer.schedule(url);
    }

    @Override
    public void capture(WebURL url) throws InterruptedException {
        if (run.fatal().get() != null) {
            return;
        }
        String target = url.getURL();
        String key;
        boolean lastTry;
        synchronized (this) {
            key = pageKeys.get(target);
            lastTry = key != null && lastTries.remove(key);
        }
        try {
            if (key != null) {
                pages.capture(key, lastTry);
            } else {
                images.capture(URI.create(target));
            }
        } catch (IOException e) {
            // Only storage throws: the fetcher reports network trouble as results. Stop before losing more.
            if (run.fatal().compareAndSet(null, e)) {
                stop.run();
            }
        } catch (RuntimeException e) {
            LOG.warn("internal error while capturing {}", target, e);
            if (key != null) {
                failEntry(key, e);
            }
        }
    }

    private void failEntry(String key, RuntimeException e) {
        try {
            run.ledger().update(key, entry -> entry.withOutcome(Outcome.FAILED, "internal error: " + e
                    + " (please report it; run with -v for details)"));
        } catch (IOException storage) {
            run.fatal().compareAndSet(null, storage);
            stop.run();
        }
    }

    @Override
    public void image(URI url, String ownerKey) {
        boolean first;
        ImageCapture known;
        synchronized (this) {
            List<String> owners = imageOwners.computeIfAbsent(url.toString(), u -> new ArrayList<>());
            first = owners.isEmpty();
            if (!owners.contains(ownerKey)) {
                owners.add(ownerKey);
            }
            known = settledImages.get(url.toString());
        }
        if (known != null) {
            applyImage(ownerKey, known);
        } else if (first) {
            enqueuer.schedule(url.toString());
        }
    }

    @Override
    public synchronized List<String> settle(String imageUrl, ImageCapture result) {
        settledImages.put(imageUrl, result);
        return List.copyOf(imageOwners.getOrDefault(imageUrl, List.of()));
    }

    private void applyImage(String key, ImageCapture image) {
        try {
            run.ledger().update(key, e -> e.withImage(image));
        } catch (IOException storage) {
            if (run.fatal().compareAndSet(null, storage)) {
                stop.run();
            }
        }
    }

    @Override
    public void lastTry(String key) {
        String url = run.ledger().entry(key).orElseThrow().seedUrl();
        synchronized (this) {
            lastTries.add(key);
        }
        enqueuer.scheduleLastTry(url);
    }

    @Override
    public synchronized List<String> ownersOf(String imageUrl) {
        return List.copyOf(imageOwners.getOrDefault(imageUrl, List.of()));
    }

    /** How work reaches crawler4j's frontier. */
    interface Enqueuer {
        void schedule(String url);

        void scheduleLastTry(String url);
    }
}
