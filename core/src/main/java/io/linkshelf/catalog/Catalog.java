package io.linkshelf.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The articles of a seed list, in order of first appearance, with its author sections and the
 * warnings met while reading it.
 *
 * @param entries one per unique article
 * @param sections the author sections, in order
 * @param links how many article links the list holds, duplicates included
 * @param warnings problems the user may want to mend, in line order
 */
public record Catalog(List<CatalogEntry> entries, List<Section> sections, int links, List<SeedWarning> warnings) {

    public Catalog {
        entries = List.copyOf(entries);
        sections = List.copyOf(sections);
        warnings = List.copyOf(warnings);
        if (links < entries.size()) {
            throw new IllegalArgumentException("fewer links (" + links + ") than articles (" + entries.size() + ")");
        }
    }

    /** How many unique articles the list holds. */
    public int articles() {
        return entries.size();
    }

    /** The entries listed more than once. */
    public List<CatalogEntry> duplicates() {
        return entries.stream().filter(CatalogEntry::isDuplicate).toList();
    }

    /** Links per host (lower-case), duplicates included, in order of first appearance. */
    public Map<String, Integer> linksPerHost() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CatalogEntry entry : entries) {
            String host = Objects.requireNonNullElse(entry.url().getHost(), "").toLowerCase(java.util.Locale.ROOT);
            counts.merge(host, entry.lines().size(), Integer::sum);
        }
        return counts;
    }

    /** The entries placed in the given author section (by short name), in seed order. */
    public List<CatalogEntry> entriesOf(String sectionShortName) {
        return entries.stream()
                .filter(e -> e.placements().stream().anyMatch(p -> p.author().equals(sectionShortName)))
                .toList();
    }
}
