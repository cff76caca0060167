package io.linkshelf.extract;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Collects image URLs in page order, keeping the first URL per dedupe key. */
final class ImageCollector {
    private final URI base;
    private final Predicate<URI> skip;
    private final Map<String, ImageRef> byKey = new LinkedHashMap<>();

    ImageCollector(URI base, Predicate<URI> skip) {
        this.base = base;
        this.skip = skip;
    }

    /** Adds a raw URL as found in the page; ignores what is not a usable http(s) URL. Returns whether it was usable. */
    boolean add(String raw, String alt) {
        var resolved = ImageUrls.resolve(base, raw);
        if (resolved.isEmpty() || skip.test(resolved.get())) {
            return false;
        }
        URI url = resolved.get();
        String key = ImageUrls.key(url);
        String cleanAlt = alt.strip();
        ImageRef first = byKey.get(key);
        if (first == null) {
            byKey.put(key, new ImageRef(url, cleanAlt, key));
        } else if (first.alt().isEmpty() && !cleanAlt.isEmpty()) {
            byKey.put(key, new ImageRef(first.url(), cleanAlt, key));
        }
        return true;
    }

    List<ImageRef> images() {
        return List.copyOf(byKey.values());
    }
}
