package io.linkshelf.report;

import io.linkshelf.snapshot.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two snapshots, by article.
 *
 * @param from the snapshot compared with; empty for a first snapshot, whose articles are all new
 * @param to the newer snapshot id
 * @param added articles with content in {@code to} that {@code from} had no copy of
 * @param changed articles whose content differs, with a short text diff
 * @param removed articles {@code to} finds deleted or not found at the source that {@code from} did not
 * @param cameBack articles deleted, not found or blocked in {@code from} that have content again in {@code to}
 */
public record SnapshotDiff(Optional<String> from, String to, List<ArticleRef> added, List<Change> changed, List<ArticleRef> removed,
        List<ArticleRef> cameBack) {

    public SnapshotDiff {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
        cameBack = List.copyOf(cameBack);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && cameBack.isEmpty();
    }

    /**
     * An article as a report lists it.
     *
     * @param key the article key
     * @param title the extracted title, else the seed list's
     * @param section the author section (and sub-section) it is listed under
     * @param url the seed URL
     * @param outcome its outcome in the snapshot reported on
     * @param before its outcome in the snapshot compared with, if that snapshot listed it
     * @param reason the outcome's reason (empty for a plain ok)
     * @param mirror the link to its last good mirror page, relative to the report's folder, when a copy exists
     */
    public record ArticleRef(String key, String title, String section, String url, Outcome outcome, Optional<Outcome> before,
            String reason, Optional<String> mirror) {
        public ArticleRef {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(mirror, "mirror");
        }
    }

    /**
     * A changed article.
     *
     * @param article the article
     * @param diff removed and added paragraphs of its extracted text
     * @param note why there is no text diff, when there is none (e.g. a version holds no article)
     */
    public record Change(ArticleRef article, TextDiff diff, Optional<String> note) {
        public Change {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(note, "note");
        }
    }
}
