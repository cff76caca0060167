package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads any other HTML page: the main content, title from og:title or {@code <title>}, author and date from metadata. */
final class GenericArticles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenericArticles() {}

    static Optional<Article> extract(Page p) {
        PageResponse r = p.response();
        HtmlPage page = p.html();
        Document doc = page.document();
        URI base = r.finalUri();
        Element content = GenericPages.content(doc);
        var collector = new ImageCollector(base, url -> false);
        GenericPages.collect(content, collector);
        List<ImageRef> images = collector.images();
        BodyCleaner.resolveImages(content, images, img -> GenericPages.candidates(img).stream()
                .map(c -> ImageUrls.resolve(base, c)).flatMap(Optional::stream).findFirst());
        BodyCleaner.Body clean = BodyCleaner.finish(content, base);
        if (clean.text().isBlank() && images.isEmpty()) {
            return Optional.empty();
        }
        JsonNode ld = linkedData(doc);
        String title = HtmlPage.firstContent(doc, "meta[property=og:title], meta[name=twitter:title]")
                .or(() -> Optional.of(doc.title().strip()).filter(t -> !t.isEmpty()))
                .or(() -> HtmlPage.firstText(doc, "h1"))
                .orElseGet(() -> BodyCleaner.fallbackTitle(clean.text(), base));
        Optional<String> author = HtmlPage.firstContent(doc, "meta[name=author], meta[property=article:author], meta[itemprop=author]")
                .filter(a -> !a.startsWith("http"))
                .or(() -> text(ld.path("author").isArray() ? ld.path("author").path(0).path("name") : ld.path("author").path("name")))
                .or(() -> HtmlPage.firstText(doc, "[rel=author], [itemprop=author] [itemprop=name], .byline .author"));
        Optional<Instant> published = date(doc, ld, "article:published_time", "datePublished")
                .or(() -> doc.select("article time[datetime], time[pubdate][datetime]").stream()
                        .map(t -> Times.iso(t.attr("datetime"), ZoneOffset.UTC)).flatMap(Optional::stream).findFirst());
        Optional<Instant> modified = date(doc, ld, "article:modified_time", "dateModified");
        boolean edited = published.isPresent() && modified.isPresent() && modified.get().isAfter(published.get());
        return Optional.of(new Article(Platform.OTHER, title, author, published, edited, r.requestedUri(), base,
                clean.html(), clean.text(), images, clean.links(), clean.wordCount()));
    }

    private static Optional<Instant> date(Document doc, JsonNode ld, String property, String schemaName) {
        return HtmlPage.firstContent(doc, "meta[property=" + property + "], meta[itemprop=" + schemaName + "]")
                .or(() -> text(ld.path(schemaName)))
                .flatMap(t -> Times.iso(t, ZoneOffset.UTC));
    }

    /** The first JSON-LD object of the page (or the first of its {@code @graph}); a missing node when none parses. */
    private static JsonNode linkedData(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(script.data());
                if (node != null && node.isArray()) {
                    node = node.path(0);
                }
                if (node != null && node.path("@graph").isArray()) {
                    node = node.path("@graph").path(0);
                }
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (JacksonException e) {
                // Broken JSON-LD is common; the meta tags still count.
            }
        }
        return JSON.missingNode();
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText().strip()) : Optional.empty();
    }
}
