package io.linkshelf.mirror;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.catalog.Placement;
import io.linkshelf.snapshot.ManifestEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where every article sits: author sections and sub-sections in seed-list order, as the newest manifest places
 * them (an article listed twice appears twice), and each article's neighbours in its first section.
 */
final class Layout {

    private static final String UNSORTED = "(no section)";

    /** author → sub-section → keys, all in first-seen order. */
    private final Map<String, Map<Optional<String>, List<String>>> groups = new LinkedHashMap<>();
    private final Map<String, Placement> home = new LinkedHashMap<>();

    Layout(ArchiveView view) {
        for (String key : view.keys()) {
            List<Placement> placements = view.latestEntry(key).map(ManifestEntry::sections).orElse(List.of());
            if (placements.isEmpty()) {
                placements = List.of(new Placement(UNSORTED, Optional.empty()));
            }
            for (Placement p : placements) {
                List<String> keys = groups.computeIfAbsent(p.author(), a -> new LinkedHashMap<>())
                        .computeIfAbsent(p.subsection(), s -> new ArrayList<>());
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
            home.put(key, placements.get(0));
        }
    }

    Map<String, Map<Optional<String>, List<String>>> groups() {
        return groups;
    }

    /** "author › sub-section" of the article's first placement. */
    String sectionLabel(String key) {
        Placement p = home.get(key);
        return p == null ? UNSORTED : p.author() + p.subsection().map(s -> " › " + s).orElse("");
    }

    /** The previous and next article with a page in the article's first section; empty ends. */
    List<Optional<String>> neighbours(String key, Set<String> pages) {
        Placement p = home.get(key);
        List<String> section = p == null ? List.of() : groups.get(p.author()).get(p.subsection()).stream()
                .filter(pages::contains).toList();
        int at = section.indexOf(key);
        if (at < 0) {
            return List.of(Optional.empty(), Optional.empty());
        }
        return List.of(at > 0 ? Optional.of(section.get(at - 1)) : Optional.empty(),
                at + 1 < section.size() ? Optional.of(section.get(at + 1)) : Optional.empty());
    }
}
