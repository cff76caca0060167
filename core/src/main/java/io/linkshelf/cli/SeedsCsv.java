package io.linkshelf.cli;

import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogEntry;
import io.linkshelf.catalog.Placement;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** One RFC 4180 row per catalog entry; several titles or sections are joined with " | ". */
final class SeedsCsv {

    private SeedsCsv() {}

    static void print(Catalog catalog, PrintWriter out) {
        out.print(row(List.of("key", "url", "platform", "title", "authors", "subsections", "lines")));
        for (CatalogEntry entry : catalog.entries()) {
            out.print(row(List.of(
                    entry.key(),
                    entry.url().toString(),
                    entry.platform().label(),
                    String.join(" | ", entry.titles()),
                    entry.placements().stream().map(Placement::author).distinct().collect(Collectors.joining(" | ")),
                    entry.placements().stream().map(p -> p.subsection().orElse("")).collect(Collectors.joining(" | ")),
                    entry.lines().stream().map(String::valueOf).collect(Collectors.joining(" ")))));
        }
    }

    private static String row(List<String> fields) {
        return fields.stream().map(SeedsCsv::quote).collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes a field when it holds a comma, quote or line break, doubling inner quotes. */
    static String quote(String field) {
        if (field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
