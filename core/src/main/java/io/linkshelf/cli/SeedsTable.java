package io.linkshelf.cli;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogEntry;
import io.linkshelf.catalog.Platform;
import io.linkshelf.catalog.Section;
import io.linkshelf.catalog.SeedWarning;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The human view of a catalog: a table per author section, totals, duplicates and warnings. */
final class SeedsTable {

    private static final String[] HEADER = {"section", "links", "articles", "wechat", "zhihu", "other"};
    private static final String TOC = "skipped a table-of-contents link";

    private SeedsTable() {}

    static void print(Catalog catalog, String source, PrintWriter out) {
        out.println("Seed list: " + source);
        out.println();
        List<String[]> rows = new ArrayList<>();
        for (Section section : catalog.sections()) {
            List<CatalogEntry> entries = catalog.entriesOf(section.shortName());
            rows.add(row(section.shortName(), section.links(), entries));
        }
        String[] total = row("total", catalog.links(), catalog.entries());
        printTable(rows, total, out);
        out.println();
        out.println("Links per host: " + catalog.linksPerHost().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        printDuplicates(catalog, out);
        printWarnings(catalog.warnings(), out);
    }

    private static String[] row(String name, int links, List<CatalogEntry> entries) {
        Map<Platform, Integer> byPlatform = new EnumMap<>(Platform.class);
        entries.forEach(e -> byPlatform.merge(e.platform(), 1, Integer::sum));
        return new String[] {name, String.valueOf(links), String.valueOf(entries.size()),
            String.valueOf(byPlatform.getOrDefault(Platform.WECHAT, 0)),
            String.valueOf(byPlatform.getOrDefault(Platform.ZHIHU, 0)),
            String.valueOf(byPlatform.getOrDefault(Platform.OTHER, 0))};
    }

    private static void printTable(List<String[]> rows, String[] total, PrintWriter out) {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>(rows);
        all.add(HEADER);
        all.add(total);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], TextWidth.of(row[i]));
            }
        }
        out.println(format(HEADER, widths));
        out.println(rule(widths));
        rows.forEach(row -> out.println(format(row, widths)));
        out.println(rule(widths));
        out.println(format(total, widths));
    }

    private static String format(String[] row, int[] widths) {
        StringBuilder line = new StringBuilder(TextWidth.padRight(row[0], widths[0]));
        for (int i = 1; i < row.length; i++) {
            line.append("  ").append(TextWidth.padLeft(row[i], widths[i]));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return "-".repeat(total + 2 * (widths.length - 1));
    }

    private static void printDuplicates(Catalog catalog, PrintWriter out) {
        List<CatalogEntry> duplicates = catalog.duplicates();
        out.println();
        out.println("Listed more than once: " + duplicates.size() + (duplicates.isEmpty() ? "" : " (one archive copy each)"));
        for (CatalogEntry entry : duplicates) {
            out.println("  " + entry.title() + "  — lines " + entry.lines().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " (" + entry.placements().stream()
                    .map(p -> p.author() + p.subsection().map(s -> " › " + s).orElse(""))
                    .collect(Collectors.joining("; ")) + ")");
        }
    }

    /** Table-of-contents links are expected in a README-style list; one summary line says so. */
    private static void printWarnings(List<SeedWarning> warnings, PrintWriter out) {
        List<SeedWarning> toc = warnings.stream().filter(w -> w.message().startsWith(TOC)).toList();
        List<SeedWarning> rest = warnings.stream().filter(w -> !w.message().startsWith(TOC)).toList();
        out.println();
        out.println("Warnings: " + warnings.size());
        if (!toc.isEmpty()) {
            out.println("  lines " + toc.get(0).line() + "–" + toc.get(toc.size() - 1).line() + ": skipped "
                    + toc.size() + " table-of-contents links (#...)");
        }
        for (SeedWarning warning : rest) {
            out.println("  line " + warning.line() + ": " + warning.message());
        }
    }
}
