package io.linkshelf.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A digest of the inputs an output is made from: the same inputs, the same fingerprint, nothing to rewrite. */
final class Fingerprint {

    /** Bump when the markup of books or notes changes, so the next export rewrites them all. */
    static final String RENDER_VERSION = "1";

    private final StringBuilder in = new StringBuilder(RENDER_VERSION).append('\n');

    Fingerprint add(Object... parts) {
        for (Object p : parts) {
            in.append(p).append('\u001f');
        }
        in.append('\n');
        return this;
    }

    /** An article's inputs: its place, title, state, captured version and the copy of each image it shows. */
    Fingerprint add(ShelfItem item, ArchivedImages images) {
        add("item", item.key(), item.title(), item.url(), item.status(), item.placement().author(),
                item.placement().subsection().orElse(""));
        item.version().ifPresent(v -> {
            add("version", v.snapshot().value(), v.content().responseRecordId());
            v.entry().images().forEach(i -> add("image", i.url(), images.recordOf(i.url())));
        });
        return this;
    }

    String hex() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(in.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
