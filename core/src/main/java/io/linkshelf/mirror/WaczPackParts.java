package io.linkshelf.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
     * Copies the lines of the capture index whose {@code filename} is one of {@code warcNames}, in index order (so
     * the result stays sorted). Index file names are bare WARC names, which is what WACZ readers expect: they look
     * a record up as {@code archive/<filename>}.
     *
     * @return how many lines were copied
     */
    static long writeIndex(Path cdxj, Set<String> warcNames, OutputStream out) throws IOException {
        if (!Files.isRegularFile(cdxj)) {
            throw new IOException("no capture index " + cdxj + ": a WACZ needs one (the crawl writes it)");
        }
        long copied = 0;
        long number = 0;
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (BufferedReader in = Files.newBufferedReader(cdxj, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                if (warcNames.contains(filename(line, cdxj, number))) {
                    writer.write(line);
                    writer.write('\n');
                    copied++;
                }
            }
        }
        writer.flush();
        return copied;
    }

    private static String filename(String line, Path cdxj, long number) throws IOException {
        int json = line.indexOf('{');
        if (json >= 0) {
            try {
                JsonNode filename = JSON.readTree(line.substring(json)).path("filename");
                if (filename.isTextual()) {
                    return filename.asText();
                }
            } catch (IOException e) {
                // reported below, with the line number
            }
        }
        throw new IOException(cdxj + " line " + number + ": not a CDXJ line with a filename");
    }

    /**
     * Writes {@code pages.jsonl}: the header line, then one line per article the snapshot holds content for
     * (outcome ok or unchanged), pointing at the response that holds that content: its URL and its WARC date.
     *
     * @return how many pages were written
     */
    static int writePages(SnapshotManifest manifest, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        ObjectNode header = JSON.createObjectNode();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "All Pages");
        writer.write(JSON.writeValueAsString(header));
        writer.write('\n');
        int pages = 0;
        for (ManifestEntry entry : manifest.entries()) {
            if (!entry.outcome().hasContent() || entry.content().isEmpty()) {
                continue;
            }
            Capture content = entry.content().get();
            ObjectNode page = JSON.createObjectNode();
            page.put("id", entry.key());
            page.put("url", content.target().toString());
            page.put("ts", DateTimeFormatter.ISO_INSTANT.format(content.date()));
            page.put("title", entry.article().title().filter(t -> !t.isBlank()).orElse(entry.seedTitle()));
            writer.write(JSON.writeValueAsString(page));
            writer.write('\n');
            pages++;
        }
        writer.flush();
        return pages;
    }
}
