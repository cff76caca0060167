package io.linkshelf.warc;

import io.linkshelf.files.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.netpreserve.jwarc.URIs;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The capture index {@code archive/index/captures.cdxj}, in the form pywb's cdxj-indexer writes: one line per response
 * or revisit, {@code <SURT> <yyyyMMddHHmmss> {json}}, sorted in plain byte order so pywb can binary-search it.
 */
public final class CdxjIndex {
    /** What pywb's indexer writes as the mime of a revisit record. */
    public static final String REVISIT_MIME = "warc/revisit";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Code point order, which is the byte order of the UTF-8 lines (String.compareTo is UTF-16 order). */
    static final Comparator<String> BYTE_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CdxjIndex() {
    }

    /** One index line: the SURT key, the 14-digit UTC timestamp and the JSON fields in file order. */
    public record Line(String urlKey, String timestamp, Map<String, String> fields) {
        public Line {
            Objects.requireNonNull(urlKey, "urlKey");
            Objects.requireNonNull(timestamp, "timestamp");
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        public Optional<String> url() {
            return field("url");
        }

        public Optional<String> filename() {
            return field("filename");
        }

        public Optional<Long> offset() {
            return field("offset").map(Long::parseLong);
        }

        public Optional<Long> length() {
            return field("length").map(Long::parseLong);
        }

        public boolean isRevisit() {
            return field("mime").filter(REVISIT_MIME::equals).isPresent();
        }

        /** The line as written to the file, without its newline. */
        public String text() {
            return urlKey + " " + timestamp + " " + CdxjJson.write(fields);
        }
    }

    /**
     * Adds the lines for {@code captures} to the index, keeping every existing line and the byte order, and writing
     * each distinct line once, so merging the same captures again changes nothing. The new index replaces the old by
     * an atomic rename of a fully written and forced temporary file.
     */
    public static void merge(Path cdxjFile, Collection<Capture> captures) throws IOException {
        TreeSet<String> added = new TreeSet<>(BYTE_ORDER);
        for (Capture capture : captures) {
            added.add(line(capture).text());
        }
        AtomicFiles.replace(cdxjFile, AtomicFiles.Durability.DURABLE, temp -> {
            boolean sorted = Files.exists(cdxjFile) ? mergeSorted(cdxjFile, added, temp) : writeAll(added, temp);
            if (!sorted) {
                // someone edited the index by hand: sort everything in memory rather than spread the disorder
                TreeSet<String> all = new TreeSet<>(BYTE_ORDER);
                all.addAll(added);
                try (BufferedReader in = Files.newBufferedReader(cdxjFile, StandardCharsets.UTF_8)) {
                    in.lines().filter(l -> !l.isBlank()).forEach(all::add);
                }
                writeAll(all, temp);
            }
        });
    }

    /** Every line of the index, in file order; no lines when the file does not exist yet. */
    public static List<Line> read(Path cdxjFile) throws IOException {
        if (!Files.exists(cdxjFile)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(cdxjFile, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    lines.add(parse(text, cdxjFile, number));
                }
            }
        }
        return List.copyOf(lines);
    }

    /** The index line pywb's indexer would write for the capture's response or revisit record. */
    public static Line line(Capture capture) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("url", capture.target().toString());
        if (capture.kind() == Capture.Kind.REVISIT) {
            fields.put("mime", REVISIT_MIME);
        } else {
            capture.mime().ifPresent(mime -> fields.put("mime", mime));
        }
        fields.put("status", Integer.toString(capture.status()));
        capture.payloadDigest().ifPresent(digest -> fields.put("digest", digest));
        fields.put("length", Long.toString(capture.length()));
        fields.put("offset", Long.toString(capture.offset()));
        fields.put("filename", capture.filename());
        return new Line(urlKey(capture.target()), timestamp(capture.date()), fields);
    }

    /** The SURT form pywb sorts by, e.g. {@code com,qq,weixin,mp)/s?__biz=...} (host reversed, lowercased). */
    static String urlKey(URI target) {
        return URIs.toNormalizedSurt(target.toString());
    }

    static String timestamp(Instant date) {
        return TIMESTAMP.format(date);
    }

    private static boolean mergeSorted(Path existing, TreeSet<String> added, Path temp) throws IOException {
        Iterator<String> news = added.iterator();
        String next = news.hasNext() ? news.next() : null;
        String previous = null;
        try (BufferedReader in = Files.newBufferedReader(existing, StandardCharsets.UTF_8);
             BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            String old;
            while ((old = in.readLine()) != null) {
                if (old.isBlank()) {
                    continue;
                }
                if (previous != null && BYTE_ORDER.compare(previous, old) > 0) {
                    return false;
                }
                previous = old;
                while (next != null && BYTE_ORDER.compare(next, old) < 0) {
                    out.write(next);
                    out.write('\n');
                    next = news.hasNext() ? news.next() : null;
                }
                if (next != null && next.equals(old)) {
                    next = news.hasNext() ? news.next() : null;
                }
                out.write(old);
                out.write('\n');
            }
            while (next != null) {
                out.write(next);
                out.write('\n');
                next = news.hasNext() ? news.next() : null;
            }
        }
        return true;
    }

    private static boolean writeAll(Collection<String> lines, Path temp) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        return true;
    }


    private static Line parse(String text, Path file, int number) throws IOException {
        int firstSpace = text.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : text.indexOf(' ', firstSpace + 1);
        if (secondSpace < 0) {
            throw new IOException(file + " line " + number + ": not '<surt> <timestamp> {json}'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode json = JSON.readTree(text.substring(secondSpace + 1));
            if (json == null || !json.isObject()) {
                throw new IOException(file + " line " + number + ": the third part is not a JSON object");
            }
            json.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + number + ": bad JSON: " + e.getOriginalMessage(), e);
        }
        return new Line(text.substring(0, firstSpace), text.substring(firstSpace + 1, secondSpace), fields);
    }
}
