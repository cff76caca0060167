package io.linkshelf.mirror;

import io.linkshelf.Version;
import io.linkshelf.warc.CdxjIndex;
import io.linkshelf.warc.ResourceWarc;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The readable view a WACZ carries: every file of the offline site (article pages, earlier versions, images, the
 * stylesheet, the index page) as a WARC {@code resource} record under the reserved host {@value #HOST}, in a WARC
 * file of its own. {@code .invalid} is reserved (RFC 2606) and never resolves, so these URLs cannot collide with a
 * real site, and a replay tool shows them as what they are: derived by linkshelf, not captured.
 */
final class WaczReadable {

    /** The reserved host of the readable view. */
    static final String HOST = "read.linkshelf.invalid";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("bmp", "image/bmp"), Map.entry("svg", "image/svg+xml"));

    private WaczReadable() {
    }

    /** The name of the readable view's WARC file in a snapshot's WACZ. */
    static String fileName(String snapshot) {
        return "linkshelf-readable-" + snapshot + ".warc.gz";
    }

    /** The readable URL of a site file, e.g. {@code https://read.linkshelf.invalid/a/<key>.html}. */
    static URI url(String sitePath) {
        try {
            return new URI("https", HOST, "/" + sitePath, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a site path: " + sitePath, e);
        }
    }

    /**
     * Writes the readable WARC to {@code spool} from the site's files and returns their index lines, sorted as the
     * index is. Files of a type a browser would not show as a page, style or image are left out.
     *
     * @param files the site's files, by path relative to the site root
     * @param date the date of every record: the snapshot the view was made for
     */
    static List<CdxjIndex.Line> write(Map<String, Path> files, Path spool, String fileName, Instant date)
            throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("software", "linkshelf " + Version.current());
        info.put("format", "WARC File Format 1.1");
        info.put("description", "Derived, not captured: linkshelf's readable renditions of the archived articles (its"
                + " offline mirror) under https://" + HOST + "/, made from the captures in the other WARC files.");
        List<CdxjIndex.Line> lines = new ArrayList<>();
        try (ResourceWarc warc = ResourceWarc.create(spool, fileName, date, info)) {
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Optional<String> type = type(file.getKey());
                if (type.isPresent()) {
                    lines.add(warc.add(url(file.getKey()), type.get(), file.getValue()));
                }
            }
        }
        lines.sort((a, b) -> CdxjIndex.compare(a.text(), b.text()));
        return List.copyOf(lines);
    }

    static Optional<String> type(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(ext));
    }
}
