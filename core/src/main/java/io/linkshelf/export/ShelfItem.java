package io.linkshelf.export;

import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.Outcome;
import java.util.Objects;
import java.util.Optional;

/**
 * One article where the list places it, with what the archive holds of it.
 *
 * @param key the catalog key, the stable id of everything exported for it
 * @param title the extracted title, else the seed list's
 * @param placement the author section and sub-section it sits in
 * @param url the URL it was listed (and captured) under
 * @param state its outcome in the newest snapshot that tried it
 * @param version its latest captured version; empty if it was never captured
 */
record ShelfItem(String key, String title, Placement placement, String url, Outcome state, Optional<ArticleVersion> version) {

    ShelfItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
    }

    /**
     * The state a reader is told: {@code ok} while the source still serves what was archived (captured again or
     * unchanged, which differ only in how the crawl stored it), else the outcome, e.g. {@code deleted}.
     */
    String status() {
        return state.hasContent() ? Outcome.OK.label() : state.label();
    }

    boolean captured() {
        return version.isPresent();
    }

    /** A note for an article whose source no longer serves the archived copy, e.g. deleted at the source. */
    Optional<String> mark() {
        return switch (state) {
            case DELETED -> Optional.of("已删除 · deleted at the source; this is the last good copy");
            case NOT_FOUND -> Optional.of("已消失 · not found at the source any more; this is the last good copy");
            case BLOCKED -> Optional.of("the last check was blocked by the site; this is the last good copy");
            default -> Optional.empty();
        };
    }

    /** Why an article has no copy, for the contents page. */
    String whyMissing() {
        return switch (state) {
            case PENDING -> "not captured yet";
            case SKIPPED -> "not captured (skipped)";
            default -> "not captured (" + state.label() + ")";
        };
    }
}
