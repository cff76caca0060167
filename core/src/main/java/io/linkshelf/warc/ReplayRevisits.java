package io.linkshelf.warc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes the index lines of server-not-modified revisits resolvable by replay tools. Our capture index says what the
 * server said, status 304; ReplayWeb.page (2.5.3, checked in WaczReplayIT) reads any 3xx in an index line as a
 * redirect and serves the 304's empty body. Given the status of the original instead, with {@code mime} still
 * {@code warc/revisit} and {@code digest} the original's payload digest, it loads the revisit record and follows it
 * to the original, exactly as it and pywb resolve identical-payload-digest revisits. The WARC records are untouched;
 * only the copy of the index a pack carries changes.
 */
public final class ReplayRevisits {

    private static final String NOT_MODIFIED = "304";

    private final Map<String, String> statusByDigest;

    private ReplayRevisits(Map<String, String> statusByDigest) {
        this.statusByDigest = Map.copyOf(statusByDigest);
    }

    /**
     * Finds, in two streaming passes over the index, the status of the response each 304 revisit among the
     * {@code included} lines repeats (the response with its payload digest). Memory grows with the number of distinct
     * 304 payloads, not with the index.
     */
    public static ReplayRevisits of(Path cdxj, Predicate<CdxjIndex.Line> included) throws IOException {
        Set<String> wanted = new HashSet<>();
        CdxjIndex.scan(cdxj, line -> {
            if (included.test(line) && isNotModified(line)) {
                line.field("digest").ifPresent(wanted::add);
            }
        });
        Map<String, String> statuses = new HashMap<>();
        if (!wanted.isEmpty()) {
            CdxjIndex.scan(cdxj, line -> {
                if (included.test(line) && !line.isRevisit()) {
                    line.field("digest").filter(wanted::contains).ifPresent(digest ->
                            line.field("status").filter(s -> !s.startsWith("3")).ifPresent(status ->
                                    statuses.putIfAbsent(digest, status)));
                }
            });
        }
        return new ReplayRevisits(statuses);
    }

    /**
     * The line a replay tool should read: a 304 revisit whose original is known gets the original's status; every
     * other line (and a 304 whose original is not in the index, which no tool could resolve) is returned as it is.
     */
    public CdxjIndex.Line forReplay(CdxjIndex.Line line) {
        if (!isNotModified(line)) {
            return line;
        }
        String status = line.field("digest").map(statusByDigest::get).orElse(null);
        if (status == null) {
            return line;
        }
        Map<String, String> fields = new LinkedHashMap<>(line.fields());
        fields.put("status", status);
        return new CdxjIndex.Line(line.urlKey(), line.timestamp(), fields);
    }

    private static boolean isNotModified(CdxjIndex.Line line) {
        return line.isRevisit() && line.field("status").filter(NOT_MODIFIED::equals).isPresent();
    }
}
