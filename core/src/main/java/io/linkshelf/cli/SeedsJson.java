package io.linkshelf.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linkshelf.catalog.Catalog;
import io.linkshelf.catalog.CatalogEntry;
import io.linkshelf.catalog.Placement;
import io.linkshelf.catalog.Section;
import io.linkshelf.catalog.SeedWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as one JSON document, in the shape the issue and README promise. */
final class SeedsJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private SeedsJson() {}

    static void print(Catalog catalog, PrintWriter out) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", catalog.links());
        doc.put("articles", catalog.articles());
        doc.put("sections", catalog.sections().stream().map(s -> section(catalog, s)).toList());
        doc.put("entries", catalog.entries().stream().map(SeedsJson::entry).toList());
        doc.put("warnings", catalog.warnings().stream().map(SeedsJson::warning).toList());
        try {
            JSON.writeValue(out, doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to standard output", e);
        }
        out.println();
    }

    private static Map<String, Object> section(Catalog catalog, Section section) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", section.name());
        map.put("shortName", section.shortName());
        map.put("links", section.links());
        map.put("articles", catalog.entriesOf(section.shortName()).size());
        return map;
    }

    private static Map<String, Object> entry(CatalogEntry entry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("key", entry.key());
        map.put("url", entry.url().toString());
        map.put("platform", entry.platform().label());
        map.put("titles", entry.titles());
        List<Map<String, Object>> placements = entry.placements().stream().map(SeedsJson::placement).toList();
        map.put("sections", placements);
        return map;
    }

    private static Map<String, Object> placement(Placement placement) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("author", placement.author());
        map.put("subsection", placement.subsection().orElse(null));
        return map;
    }

    private static Map<String, Object> warning(SeedWarning warning) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("line", warning.line());
        map.put("message", warning.message());
        return map;
    }
}
