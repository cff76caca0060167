package io.linkshelf.mirror;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CdxjIndex;
import io.linkshelf.warc.ReplayRevisits;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The contents of a WACZ besides its metadata: which WARC files, their index lines, and the page list. */
final class WaczPackParts {

    private static final Logger LOG = LoggerFactory.getLogger(WaczPackParts.class);
    private static final Pattern WARC_NAME = Pattern.compile("linkshelf-(\\d{8}T\\d{6}Z)-\\d+\\.warc(\\.gz)?");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Readable views' page ids are the article key with this prefix. */
    static final String READABLE_ID = "read:";
    /** Readable views' titles are the article's title with this suffix, so the page list tells them apart. */
    static final String READABLE_TITLE = " · readable view";

    private WaczPackParts() {
    }

    /**
     * The WARC files written by snapshots up to and including {@code upTo}, sorted by name. Older snapshots are
     * needed: an unchanged article's revisit record points at a response an earlier snapshot stored. Newer ones are
     * not part of this snapshot. Files whose names linkshelf did not give cannot be dated and are left out.
     */
    static List<Path> warcFiles(Path warcDir, SnapshotId upTo) throws IOException {
        if (!Files.isDirectory(warcDir)) {
            throw new IOException("no WARC folder " + warcDir + ": nothing to pack into a WACZ (run linkshelf crawl first)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(warcDir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> chosen = new java.util.ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher m = WARC_NAME.matcher(name);
            if (m.matches()) {
                if (new SnapshotId(m.group(1)).compareTo(upTo) <= 0) {
                    chosen.add(file);
                }
            } else if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
                LOG.warn("not packing {} into the WACZ: not a linkshelf WARC name, so its snapshot is unknown", file);
            }
        }
        if (chosen.isEmpty()) {
            throw new IOException("no WARC files of snapshot " + upTo + " or earlier in " + warcDir);
        }
        return List.copyOf(chosen);
    }

    /**
     * Writes the WACZ's index: the lines of the capture index whose {@code filename} is one of {@code warcNames}, with
     * server-not-modified revisits made resolvable ({@link ReplayRevisits}), merged in byte order with the readable
     * view's lines ({@code extra}, already sorted), so the result is sorted as pywb needs. Index file names are bare
     * WARC names, which is what WACZ readers expect: they look a record up as {@code archive/<filename>}. The capture
     * index streams through; only {@code extra} is in memory.
     *
     * @return how many lines were written
     */
    static long writeIndex(Path cdxj, Set<String> warcNames, List<CdxjIndex.Line> extra, OutputStream out)
            throws IOException {
        if (!Files.isRegularFile(cdxj)) {
            throw new IOException("no capture index " + cdxj + ": a WACZ needs one (the crawl writes it)");
        }
        java.util.function.Predicate<CdxjIndex.Line> packed = line -> line.filename().filter(warcNames::contains).isPresent();
        ReplayRevisits revisits = ReplayRevisits.of(cdxj, packed);
        long[] written = {0};
        int[] next = {0};
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CdxjIndex.scan(cdxj, line -> {
            if (!packed.test(line)) {
                return;
            }
            String text = revisits.forReplay(line).text();
            while (next[0] < extra.size() && CdxjIndex.compare(extra.get(next[0]).text(), text) < 0) {
                writeLine(writer, extra.get(next[0]++).text());
                written[0]++;
            }
            writeLine(writer, text);
            written[0]++;
        });
        while (next[0] < extra.size()) {
            writeLine(writer, extra.get(next[0]++).text());
            written[0]++;
        }
        writer.flush();
        return written[0];
    }

    private static void writeLine(Writer writer, String line) throws IOException {
        writer.write(line);
        writer.write('\n');
    }

    /**
     * Writes {@code pages.jsonl}: the header line (saying the pages carry text, so ReplayWeb.page indexes it for its
     * search), then per article the snapshot holds content for (outcome ok or unchanged) the page as captured: its URL
     * and the WARC date of the response that holds that content. After each comes its readable view, and then the
     * readable views of articles the site keeps without content in this snapshot (deleted since, say) and the site's
     * index page. Every article page carries its plain text and title, as the offline mirror's search knows them.
     *
     * @param docs the site's search documents by article key
     * @param readable the readable view's page URLs by article key, plus the index page under the key ""
     * @param readableDate the readable records' date
     * @return how many pages were written
     */
    static int writePages(SnapshotManifest manifest, Map<String, SearchDoc> docs, Map<String, URI> readable,
            Instant readableDate, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        header.put("hasText", true);
        writer.write(JSON.writeValueAsString(header));
        writer.write('\n');
        int pages = 0;
        Set<String> listed = new java.util.HashSet<>();
        for (ManifestEntry entry : manifest.entries()) {
            if (!entry.outcome().hasContent() || entry.content().isEmpty() || !listed.add(entry.key())) {
                continue;
            }
            Capture content = entry.content().get();
            Optional<SearchDoc> doc = Optional.ofNullable(docs.get(entry.key()));
            String title = entry.article().title().filter(t -> !t.isBlank()).orElse(entry.seedTitle());
            pages += page(writer, entry.key(), content.target().toString(), content.date(), title, doc);
            if (readable.containsKey(entry.key())) {
                pages += page(writer, READABLE_ID + entry.key(), readable.get(entry.key()).toString(), readableDate,
                        doc.map(SearchDoc::title).orElse(title) + READABLE_TITLE, doc);
            }
        }
        for (Map.Entry<String, URI> view : readable.entrySet()) {
            if (!view.getKey().isEmpty() && !listed.contains(view.getKey())) {
                Optional<SearchDoc> doc = Optional.ofNullable(docs.get(view.getKey()));
                pages += page(writer, READABLE_ID + view.getKey(), view.getValue().toString(), readableDate,
                        doc.map(SearchDoc::title).orElse(view.getKey()) + READABLE_TITLE, doc);
            }
        }
        if (readable.containsKey("")) {
            pages += page(writer, READABLE_ID + "index", readable.get("").toString(), readableDate,
                    "linkshelf: every article" + READABLE_TITLE, Optional.empty());
        }
        writer.flush();
        return pages;
    }

    private static int page(Writer writer, String id, String url, Instant ts, String title, Optional<SearchDoc> doc)
            throws IOException {
        ObjectNode page = JSON.createObjectNode();
        page.put("id", id);
        page.put("url", url);
        page.put("ts", DateTimeFormatter.ISO_INSTANT.format(ts));
        page.put("title", title);
        doc.map(SearchDoc::text).filter(t -> !t.isBlank()).ifPresent(t -> page.put("text", t));
        writer.write(JSON.writeValueAsString(page));
        writer.write('\n');
        return 1;
    }
}
