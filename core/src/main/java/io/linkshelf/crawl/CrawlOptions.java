package io.linkshelf.crawl;

import io.linkshelf.catalog.Catalog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Everything one crawl run needs, validated; built by the CLI from its options.
 *
 * @param catalog the articles to snapshot
 * @param archive the archive root
 * @param profiles per-host politeness, with the command line's overrides applied
 * @param coolDown the pause after a block, doubling with each further block in a row
 * @param robots whether robots.txt exclusions apply to listed URLs
 * @param userAgent the User-Agent header
 * @param proxy an HTTP proxy for http and https, if any
 * @param cookies a Netscape cookies.txt to send cookies from, if any
 * @param only a filter on title, author or URL; entries it rejects are skipped
 * @param limit at most this many entries (after --only); the rest are skipped
 * @param refreshImages fetch images again even when an earlier snapshot has them
 * @param newSnapshot start a new snapshot even if the newest one is unfinished
 * @param allowPrivateNetworks let pages point at loopback and private addresses
 * @param recordSecrets keep Cookie and Authorization headers in WARC request records
 * @param maxPageBytes cap on a page's body
 * @param maxImageBytes cap on an image's body
 * @param timeout read timeout per request
 * @param retryBackoff the first retry's wait; each further retry waits twice as long (with jitter)
 * @param expandColumns archive the articles a listed Zhihu column lists, as members of its entry
 */
public record CrawlOptions(
        Catalog catalog,
        Path archive,
        SiteProfiles profiles,
        Duration coolDown,
        RobotsMode robots,
        String userAgent,
        Optional<URI> proxy,
        Optional<Path> cookies,
        Optional<Pattern> only,
        OptionalInt limit,
        boolean refreshImages,
        boolean newSnapshot,
        boolean allowPrivateNetworks,
        boolean recordSecrets,
        long maxPageBytes,
        long maxImageBytes,
        Duration timeout,
        Duration retryBackoff,
        boolean expandColumns) {

    /** The options with listed Zhihu columns expanded into their articles (the default). */
    public CrawlOptions(Catalog catalog, Path archive, SiteProfiles profiles, Duration coolDown, RobotsMode robots,
            String userAgent, Optional<URI> proxy, Optional<Path> cookies, Optional<Pattern> only, OptionalInt limit,
            boolean refreshImages, boolean newSnapshot, boolean allowPrivateNetworks, boolean recordSecrets,
            long maxPageBytes, long maxImageBytes, Duration timeout, Duration retryBackoff) {
        this(catalog, archive, profiles, coolDown, robots, userAgent, proxy, cookies, only, limit, refreshImages,
                newSnapshot, allowPrivateNetworks, recordSecrets, maxPageBytes, maxImageBytes, timeout, retryBackoff, true);
    }

    public CrawlOptions {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(profiles, "profiles");
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("--cooldown must not be negative");
        }
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("--user-agent must not be empty: sites deserve to know who is asking");
        }
        if (limit.isPresent() && limit.getAsInt() < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, was " + limit.getAsInt());
        }
        if (maxPageBytes < 1 || maxImageBytes < 1) {
            throw new IllegalArgumentException("size caps must be positive");
        }
    }
}
