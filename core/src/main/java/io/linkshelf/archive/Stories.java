package io.linkshelf.archive;

import io.linkshelf.archive.ArticleStory.Status;
import io.linkshelf.archive.ArticleStory.Step;
import io.linkshelf.extract.Article;
import io.linkshelf.snapshot.SnapshotId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every article's {@link ArticleStory}, told from an {@link ArchiveView}, and the news of its newest snapshot.
 * The steps come from the view's fold of the manifests ({@link ArchiveView#steps}: each manifest streamed once,
 * entry by entry, and kept folded in the history index), so telling holds no manifest. Edits compare the extracted
 * texts of an article's stored versions, so telling them reads the WARC files once per version of an article that has
 * more than one; {@link #of(ArchiveView)} does that up front.
 */
public final class Stories {

    /** Reads the text of a stored version; empty when the page holds no article. */
    @FunctionalInterface
    public interface Texts {
        Optional<String> of(ArticleVersion version) throws IOException;
    }

    private final ArchiveView view;
    private final Map<String, ArticleStory> stories = new LinkedHashMap<>();

    private Stories(ArchiveView view, Texts texts) throws IOException {
        this.view = view;
        for (String key : view.keys()) {
            stories.put(key, tell(key, view.steps(key), view.seed(key), texts));
        }
    }

    /** Every article's story; edits are found by comparing extracted texts. */
    public static Stories of(ArchiveView view) throws IOException {
        return of(view, v -> view.article(v).map(Article::text));
    }

    /** Every article's story, with the texts of versions read by {@code texts} (a caller that has them cached). */
    public static Stories of(ArchiveView view, Texts texts) throws IOException {
        return new Stories(view, texts);
    }

    /** The story of an article, if any snapshot lists it. */
    public Optional<ArticleStory> story(String key) {
        return Optional.ofNullable(stories.get(key));
    }

    /** Every story, in the order of {@link ArchiveView#keys()}. */
    public List<ArticleStory> all() {
        return List.copyOf(stories.values());
    }

    /** What the newest snapshot found that the ones before it did not; empty news for an empty archive. */
    public News news() {
        return view.newest().map(s -> news(s.id()))
                .orElseGet(() -> new News(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of()));
    }

    /** What a snapshot found that the ones before it did not. */
    public News news(SnapshotId id) {
        List<ArchiveView.Snapshot> all = view.snapshots();
        Optional<ArchiveView.Snapshot> previous = Optional.empty();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                previous = Optional.of(all.get(i - 1));
            }
        }
        return new News(Optional.of(id), previous.map(ArchiveView.Snapshot::start),
                pick(s -> s.disappearedIn(id)), pick(s -> s.cameBackIn(id)), pick(s -> s.editedIn(id)),
                pick(s -> s.blockedFirstIn(id)));
    }

    private List<ArticleStory> pick(Predicate<ArticleStory> test) {
        return stories.values().stream().filter(test).toList();
    }

    private ArticleStory tell(String key, List<Step> timeline, Optional<ArchiveView.SeedLink> seed, Texts texts)
            throws IOException {
        Optional<Step> lastAlive = Optional.empty();
        List<Step> blocked = new ArrayList<>();
        List<Step> cameBack = new ArrayList<>();
        List<Step> spell = new ArrayList<>();
        Optional<Status> status = Optional.empty();
        for (Step step : timeline) {
            Optional<Status> told = Status.of(step.outcome());
            if (told.isEmpty()) {
                continue;
            }
            if (told.get() == Status.ALIVE) {
                lastAlive = Optional.of(step);
            } else if (told.get() == Status.BLOCKED) {
                blocked.add(step);
            }
            if (told.equals(status)) {
                spell.add(step);
            } else {
                if (told.get() == Status.ALIVE && status.equals(Optional.of(Status.GONE))) {
                    cameBack.add(step);
                }
                spell = new ArrayList<>(List.of(step));
                status = told;
            }
        }
        Status now = status.orElse(Status.UNKNOWN);
        List<ArticleVersion> versions = view.versions(key);
        Optional<Step> first = versions.isEmpty() ? Optional.empty()
                : timeline.stream().filter(s -> s.snapshot().equals(versions.get(0).snapshot())).findFirst();
        String title = view.latestVersion(key).flatMap(v -> v.entry().article().title())
                .or(() -> seed.map(ArchiveView.SeedLink::title))
                .filter(t -> !t.isBlank()).orElse(key);
        Optional<ArticleStory.Spell> spellNow = spell.isEmpty() ? Optional.empty() : Optional.of(new ArticleStory.Spell(spell));
        return new ArticleStory(key, title, seed.map(ArchiveView.SeedLink::url).orElse(""), now, timeline, first, lastAlive,
                spellNow.filter(s -> now == Status.GONE), spellNow.filter(s -> now == Status.BLOCKED), blocked, cameBack,
                edits(versions, texts), !versions.isEmpty());
    }

    /** A new version whose text equals the one before changed only the page around it: not an edit. */
    private static List<ArticleStory.Edit> edits(List<ArticleVersion> versions, Texts texts) throws IOException {
        List<ArticleStory.Edit> edits = new ArrayList<>();
        if (versions.size() < 2) {
            return edits; // one version cannot have changed: no need to read it
        }
        Optional<String> before = Optional.empty();
        ArticleVersion previous = null;
        for (ArticleVersion v : versions) {
            Optional<String> text = texts.of(v);
            if (previous != null && !Objects.equals(text, before)) {
                edits.add(new ArticleStory.Edit(previous.snapshot(), v.snapshot(), v.snapshot().start()));
            }
            if (previous == null || !Objects.equals(text, before)) {
                previous = v;
                before = text;
            }
        }
        return edits;
    }

    /**
     * The news of a snapshot.
     *
     * @param snapshot the snapshot, if there is one
     * @param since when the snapshot before it started; empty for the first snapshot
     * @param disappeared articles it first found deleted or not found
     * @param cameBack articles it found alive again after they had been gone
     * @param edited articles whose text it found changed
     * @param blocked articles it found blocked after the snapshots before it had not
     */
    public record News(Optional<SnapshotId> snapshot, Optional<Instant> since, List<ArticleStory> disappeared,
            List<ArticleStory> cameBack, List<ArticleStory> edited, List<ArticleStory> blocked) {

        public News {
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(since, "since");
            disappeared = List.copyOf(disappeared);
            cameBack = List.copyOf(cameBack);
            edited = List.copyOf(edited);
            blocked = List.copyOf(blocked);
        }

        public boolean isEmpty() {
            return disappeared.isEmpty() && cameBack.isEmpty() && edited.isEmpty() && blocked.isEmpty();
        }

        /**
         * One line, e.g. {@code 3 articles disappeared since 2026-11-28 (A; B; C); 1 came back (D); 12 edited}; at most
         * {@code maxTitles} titles per kind are named.
         */
        public String headline(int maxTitles) {
            if (snapshot.isEmpty()) {
                return "No snapshot yet.";
            }
            if (since.isEmpty()) {
                return "First snapshot: nothing to compare with yet.";
            }
            String day = ArticleStory.day(since.get());
            if (isEmpty()) {
                return "Nothing disappeared, came back or changed since " + day + ".";
            }
            List<String> parts = new ArrayList<>();
            if (!disappeared.isEmpty()) {
                parts.add(count(disappeared.size(), "article", "articles") + " disappeared since " + day + titles(disappeared, maxTitles));
            }
            if (!cameBack.isEmpty()) {
                parts.add(cameBack.size() + " came back" + titles(cameBack, maxTitles));
            }
            if (!edited.isEmpty()) {
                parts.add(edited.size() + " edited" + titles(edited, maxTitles));
            }
            if (!blocked.isEmpty()) {
                parts.add(blocked.size() + " newly blocked" + titles(blocked, maxTitles));
            }
            return String.join("; ", parts) + ".";
        }

        private static String count(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }

        private static String titles(List<ArticleStory> stories, int max) {
            if (max <= 0) {
                return "";
            }
            List<String> names = stories.stream().limit(max).map(s -> s.title().replaceAll("\\s+", " ").strip()).toList();
            return " (" + String.join("; ", names) + (stories.size() > max ? "; …" : "") + ")";
        }
    }
}
