package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleVersion;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The list as the archive knows it, in list order: author sections, their sub-sections, their articles. An article
 * listed in two places sits in both. The newest snapshot's placements win, as in the mirror.
 */
final class Shelf {

    private static final String UNSORTED = "(no section)";

    /** author → sub-section → articles, all in list order. */
    private final Map<String, Map<Optional<String>, List<ShelfItem>>> sections = new LinkedHashMap<>();

    private Shelf() {}

    static Shelf of(ArchiveView view, Optional<Pattern> only, Optional<String> author) {
        Shelf shelf = new Shelf();
        Optional<String> authorNeedle = author.map(a -> a.toLowerCase(Locale.ROOT));
        for (String key : view.keys()) {
            Optional<ManifestEntry> latest = view.latestEntry(key);
            Optional<ArticleVersion> version = view.latestVersion(key);
            if (latest.isEmpty() && version.isEmpty()) {
                continue;
            }
            ManifestEntry entry = latest.orElseGet(() -> version.get().entry());
            String title = version.flatMap(v -> v.entry().article().title())
                    .or(() -> Optional.of(entry.seedTitle())).filter(t -> !t.isBlank()).orElse(key);
            List<Placement> placements = entry.sections().isEmpty()
                    ? List.of(new Placement(UNSORTED, Optional.empty())) : entry.sections();
            Outcome state = latest.map(ManifestEntry::outcome).orElse(Outcome.PENDING);
            for (Placement p : placements) {
                if (authorNeedle.isPresent() && !p.author().toLowerCase(Locale.ROOT).contains(authorNeedle.get())) {
                    continue;
                }
                if (only.isPresent() && !matches(only.get(), title, p, entry.seedUrl())) {
                    continue;
                }
                List<ShelfItem> items = shelf.sections.computeIfAbsent(p.author(), a -> new LinkedHashMap<>())
                        .computeIfAbsent(p.subsection(), s -> new ArrayList<>());
                if (items.stream().noneMatch(i -> i.key().equals(key))) {
                    items.add(new ShelfItem(key, title, p, entry.seedUrl(), state, version));
                }
            }
        }
        return shelf;
    }

    private static boolean matches(Pattern only, String title, Placement p, String url) {
        return only.matcher(title).find() || only.matcher(p.author()).find()
                || p.subsection().map(s -> only.matcher(s).find()).orElse(false) || only.matcher(url).find();
    }

    Map<String, Map<Optional<String>, List<ShelfItem>>> sections() {
        return sections;
    }

    boolean isEmpty() {
        return sections.isEmpty();
    }

    /** Every placed article in list order (an article listed twice comes twice). */
    List<ShelfItem> items() {
        List<ShelfItem> all = new ArrayList<>();
        sections.values().forEach(subs -> subs.values().forEach(all::addAll));
        return all;
    }
}
