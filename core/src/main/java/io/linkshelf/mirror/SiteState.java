package io.linkshelf.mirror;

import io.linkshelf.files.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last build rendered, kept in the site directory so the next build skips unchanged articles: per article
 * the fingerprint of everything its pages show, the article keys its body links to, and its search document; per
 * image record the file it became. Losing it only costs a full build.
 *
 * @param format the state format; another format means a full build
 * @param articles per article key
 * @param images image response record id → file name under img/ ("" for a payload that is not an image)
 */
record SiteState(int format, Map<String, Rendered> articles, Map<String, String> images) {

    static final String FILE = ".linkshelf-mirror.json";
    static final int FORMAT = 1;
    static final SiteState EMPTY = new SiteState(FORMAT, Map.of(), Map.of());

    /**
     * @param fingerprint the digest of the inputs its pages were made from
     * @param linkKeys the article keys its body links to
     * @param platform the platform its page says it is on
     * @param doc its search document
     */
    record Rendered(String fingerprint, List<String> linkKeys, String platform, SearchDoc doc) {
        Rendered {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(platform, "platform");
            linkKeys = List.copyOf(linkKeys);
            Objects.requireNonNull(doc, "doc");
        }
    }

    SiteState {
        articles = Map.copyOf(articles);
        images = Map.copyOf(images);
    }

    Optional<Rendered> article(String key) {
        return Optional.ofNullable(articles.get(key));
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** The state of the site in {@code dir}; empty if there is none or it cannot be read (then everything is rebuilt). */
    static SiteState load(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        try {
            SiteState state = mapper().readValue(file.toFile(), SiteState.class);
            return state.format() == FORMAT ? state : EMPTY;
        } catch (IOException | RuntimeException unreadable) {
            return EMPTY;
        }
    }

    void save(Path dir) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), mapper().writeValueAsBytes(this));
    }
}
