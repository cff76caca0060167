package io.linkshelf.crawl;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.warc.Capture;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per host, pages already archived and known to be good (captured as ok or unchanged, in an earlier
 * snapshot or earlier in this run): after a block, one of them is asked for again to tell a captcha
 * that belongs to one old URL from a site that blocks us. Thread-safe.
 */
final class KnownGoodPages {

    /**
     * A page to probe with.
     *
     * @param key the entry it belongs to
     * @param url its seed URL
     * @param validators its last ETag / Last-Modified, for a conditional request
     * @param content the response record of its content, for a revisit record of a 304
     */
    record Page(String key, URI url, ManifestEntry.Validators validators, Optional<Capture> content) {}

    private final Map<String, Deque<Page>> byHost = new HashMap<>();

    /** Remembers a good page; the newest is probed first. */
    synchronized void add(ManifestEntry entry) {
        if (!entry.outcome().hasContent() && entry.content().isEmpty()) {
            return;
        }
        URI url = URI.create(entry.seedUrl());
        Deque<Page> pages = byHost.computeIfAbsent(PoliteFetch.hostOf(url), h -> new ArrayDeque<>());
        pages.removeIf(p -> p.key().equals(entry.key()));
        pages.addFirst(new Page(entry.key(), url, entry.validators(), entry.content()));
    }

    /** The newest known-good page of the host other than the entry just blocked. */
    synchronized Optional<Page> probeFor(String host, String blockedKey) {
        return byHost.getOrDefault(host, new ArrayDeque<>()).stream().filter(p -> !p.key().equals(blockedKey)).findFirst();
    }
}
