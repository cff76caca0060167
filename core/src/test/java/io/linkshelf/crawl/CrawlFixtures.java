package io.linkshelf.crawl;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogReader;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.testing.FixturePages;
import io.linkshelf.testing.RecordedRequest;
import io.linkshelf.testing.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;

/** Fixture pages, images and options for crawl tests. */
final class CrawlFixtures {

    private CrawlFixtures() {}

    static Response wechatArticle(String title, String account, List<String> imageUrls) {
        return FixturePages.wechatArticle(title, account, imageUrls);
    }

    static Response wechatCaptcha() {
        return FixturePages.wechatCaptcha();
    }

    static Response wechatDeleted() {
        return FixturePages.wechatDeleted();
    }

    static byte[] png(int seed) {
        return FixturePages.png(seed);
    }

    static Catalog catalog(Path dir, String markdown) throws IOException {
        Path seeds = dir.resolve("links.md");
        Files.writeString(seeds, markdown, StandardCharsets.UTF_8);
        return CatalogReader.read(seeds);
    }

    /** A seed list with one author section and one link per URL, titled "文章 1", "文章 2"... in order. */
    static Catalog catalog(Path dir, List<URI> urls) throws IOException {
        StringBuilder md = new StringBuilder("# 测试作者\n\n");
        for (int i = 0; i < urls.size(); i++) {
            md.append("[文章 ").append(i + 1).append("](").append(urls.get(i)).append(")\n\n");
        }
        return catalog(dir, md.toString());
    }

    /** Fast options for loopback tests: small gaps, short cool-down and timeouts. */
    static CrawlOptions options(Path dir, Catalog catalog, Duration delay) {
        SiteProfiles profiles = SiteProfiles.defaults().withOverrides(Optional.of(delay), Optional.of(delay), OptionalInt.empty());
        return new CrawlOptions(catalog, dir.resolve("archive"), profiles, Duration.ofMillis(100),
                RobotsMode.LISTED, "linkshelf-test/1.0", Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), false, false, false, false, 25L << 20, 50L << 20, Duration.ofSeconds(3),
                Duration.ofMillis(50));
    }

    /** Loopback options with the given per-host profiles instead of one delay for every host. */
    static CrawlOptions options(Path dir, Catalog catalog, SiteProfiles profiles) {
        return withProfiles(options(dir, catalog, Duration.ZERO), profiles);
    }

    /** The default profiles with every delay set to {@code delay}, and these rows in front of them. */
    static SiteProfiles profiles(Duration delay, SiteProfile... first) {
        return SiteProfiles.defaults().withOverrides(Optional.of(delay), Optional.of(delay), OptionalInt.empty())
                .withRowsFirst(List.of(first));
    }

    static CrawlOptions withProfiles(CrawlOptions o, SiteProfiles profiles) {
        return new CrawlOptions(o.catalog(), o.archive(), profiles, o.coolDown(), o.robots(), o.userAgent(),
                o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(), o.allowPrivateNetworks(),
                o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff());
    }

    static CrawlOptions withRobots(CrawlOptions o, RobotsMode robots) {
        return new CrawlOptions(o.catalog(), o.archive(), o.profiles(), o.coolDown(), robots, o.userAgent(),
                o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(), o.allowPrivateNetworks(),
                o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff());
    }

    static CrawlOptions withCoolDown(CrawlOptions o, Duration coolDown) {
        return new CrawlOptions(o.catalog(), o.archive(), o.profiles(), coolDown, o.robots(), o.userAgent(),
                o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(), o.allowPrivateNetworks(),
                o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff());
    }

    static CrawlOptions withNewSnapshot(CrawlOptions o) {
        return new CrawlOptions(o.catalog(), o.archive(), o.profiles(), o.coolDown(), o.robots(), o.userAgent(),
                o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), true, o.allowPrivateNetworks(),
                o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff());
    }

    static CrawlOptions withProxy(CrawlOptions o, URI proxy) {
        return new CrawlOptions(o.catalog(), o.archive(), o.profiles(), o.coolDown(), o.robots(), o.userAgent(),
                java.util.Optional.of(proxy), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(),
                o.allowPrivateNetworks(), o.recordSecrets(), o.maxPageBytes(), o.maxImageBytes(), o.timeout(), o.retryBackoff());
    }

    /** Options with another read timeout and image size cap. */
    static CrawlOptions withLimits(CrawlOptions o, Duration timeout, long maxImageBytes) {
        return new CrawlOptions(o.catalog(), o.archive(), o.profiles(), o.coolDown(), o.robots(), o.userAgent(),
                o.proxy(), o.cookies(), o.only(), o.limit(), o.refreshImages(), o.newSnapshot(), o.allowPrivateNetworks(),
                o.recordSecrets(), o.maxPageBytes(), maxImageBytes, timeout, o.retryBackoff());
    }

    /** The newest snapshot manifest of the archive the options write to. */
    static SnapshotManifest manifest(CrawlOptions options) throws IOException {
        return new ManifestStore(options.archive().resolve("snapshots")).newest().orElseThrow();
    }

    /** The manifest entry whose seed URL is {@code url}. */
    static ManifestEntry entry(SnapshotManifest manifest, URI url) {
        return manifest.entries().stream()
                .filter(e -> e.seedUrl().equals(url.toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no manifest entry for " + url + " in " + manifest.entries()));
    }

    /** Milliseconds between the arrivals of consecutive requests, as the server measured them. */
    static List<Long> gapsMillis(List<RecordedRequest> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add((requests.get(i).arrivedNanos() - requests.get(i - 1).arrivedNanos()) / 1_000_000);
        }
        return gaps;
    }

    /** Milliseconds from the first to the last of the requests. */
    static long spanMillis(List<RecordedRequest> requests) {
        return (requests.get(requests.size() - 1).arrivedNanos() - requests.get(0).arrivedNanos()) / 1_000_000;
    }

    /**
     * One WARC record as read back with jwarc.
     *
     * @param type the WARC-Type
     * @param id the WARC-Record-ID
     * @param target the WARC-Target-URI, empty for warcinfo
     * @param concurrentTo the WARC-Concurrent-To ids
     * @param refersTo a revisit's WARC-Refers-To
     * @param truncated the WARC-Truncated value
     * @param payloadDigest the stated WARC-Payload-Digest
     * @param recomputedDigest SHA-1 of the HTTP payload jwarc delimits (dechunked, still content-encoded), for a
     *     response that states a digest
     * @param status the HTTP status of a response or revisit, 0 for other records
     */
    record StoredRecord(String type, String id, String target, List<String> concurrentTo, Optional<String> refersTo,
            Optional<String> truncated, Optional<String> payloadDigest, Optional<String> recomputedDigest, int status) {}

    /** Every record of every WARC file of the archive, in file and record order. */
    static List<StoredRecord> warcRecords(Path archive) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(archive.resolve("warc"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
        List<StoredRecord> records = new ArrayList<>();
        for (Path file : files) {
            try (WarcReader reader = new WarcReader(file)) {
                for (WarcRecord record : reader) {
                    records.add(stored(record));
                }
            }
        }
        return records;
    }

    private static StoredRecord stored(WarcRecord record) throws IOException {
        String target = record instanceof WarcTargetRecord t ? t.target() : "";
        List<String> concurrent = record instanceof WarcCaptureRecord c
                ? c.concurrentTo().stream().map(URI::toString).toList() : List.of();
        Optional<String> refersTo = record instanceof WarcRevisit r ? r.refersTo().map(URI::toString) : Optional.empty();
        Optional<String> stated = record.headers().sole("WARC-Payload-Digest");
        Optional<String> recomputed = Optional.empty();
        int status = 0;
        if (record instanceof WarcResponse response) {
            status = response.http().status();
            if (stated.isPresent()) {
                recomputed = Optional.of(sha1(response.payload().orElseThrow().body()).prefixedBase32());
            }
        } else if (record instanceof WarcRevisit revisit) {
            status = revisit.http().status();
        }
        return new StoredRecord(record.type(), record.id().toString(), target, concurrent, refersTo,
                record.headers().sole("WARC-Truncated"), stated, recomputed, status);
    }

    private static WarcDigest sha1(MessageBody body) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-1", e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (body.read(buffer) >= 0) {
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return new WarcDigest(digest);
    }

    /**
     * What is wrong with the records as a whole: a stated payload digest that does not match the payload, a complete
     * response without one, a revisit whose digest differs from the response it refers to, a request without its
     * response (or revisit) or the other way round. Empty when all is well.
     */
    static List<String> warcProblems(List<StoredRecord> records) {
        List<String> problems = new ArrayList<>();
        Map<String, StoredRecord> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        for (StoredRecord r : records) {
            switch (r.type()) {
                case "response" -> {
                    if (r.payloadDigest().isEmpty() && r.truncated().isEmpty()) {
                        problems.add("complete response without a payload digest: " + r);
                    }
                    if (r.payloadDigest().isPresent() && !r.payloadDigest().equals(r.recomputedDigest())) {
                        problems.add("payload digest " + r.payloadDigest().get() + " but the payload hashes to "
                                + r.recomputedDigest().orElse("?") + ": " + r);
                    }
                }
                case "revisit" -> {
                    StoredRecord original = r.refersTo().map(byId::get).orElse(null);
                    if (original != null && !original.payloadDigest().equals(r.payloadDigest())) {
                        problems.add("revisit digest differs from its original's: " + r);
                    }
                }
                default -> { }
            }
            boolean capture = r.type().equals("response") || r.type().equals("revisit");
            if (r.type().equals("request") || capture) {
                String partnerType = capture ? "request" : "response or revisit";
                boolean paired = r.concurrentTo().stream().map(byId::get).anyMatch(p -> p != null
                        && (capture ? p.type().equals("request") : !p.type().equals("request"))
                        && p.target().equals(r.target()) && p.concurrentTo().contains(r.id()));
                if (!paired) {
                    problems.add("no " + partnerType + " record paired with it by WARC-Concurrent-To: " + r);
                }
            }
        }
        return problems;
    }
}
