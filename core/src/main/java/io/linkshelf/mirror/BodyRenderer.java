package io.linkshelf.mirror;

import io.linkshelf.catalog.ArticleKeys;
import io.linkshelf.extract.Article;
import io.linkshelf.extract.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns an extracted article body into the mirror's body: cleaned again with an allow-list (the extractor already
 * cleans; this is defence in depth, so no captured script, handler, form or frame can reach a page), images served
 * from local files or replaced by their alt text and a note, links to archived articles pointed at their pages.
 */
final class BodyRenderer {

    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "mark", "del", "ins", "s", "abbr", "kbd", "samp", "var", "small")
            .removeProtocols("a", "href", "ftp");

    /** The rendered body, and the keys of every article URL it links to (archived or not, for change detection). */
    record Rendered(String html, Set<String> linkedKeys, int images, int missingImages) {
        Rendered {
            linkedKeys = Set.copyOf(linkedKeys);
        }
    }

    private final ImageStore images;
    private final Set<String> pages;

    /**
     * @param images where images come from
     * @param pages the keys of articles that have a page in the mirror
     */
    BodyRenderer(ImageStore images, Set<String> pages) {
        this.images = images;
        this.pages = Set.copyOf(pages);
    }

    /**
     * @param prefix the relative path from the page to the site root, e.g. {@code ../}
     */
    Rendered render(Article article, String prefix) throws IOException {
        String clean = Jsoup.clean(article.bodyHtml(), article.finalUrl().toString(), SAFE);
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings().prettyPrint(false);
        Map<String, String> alts = new HashMap<>();
        for (ImageRef ref : article.images()) {
            alts.putIfAbsent(ref.url().toString(), ref.alt());
        }
        int shown = 0;
        int missing = 0;
        for (Element img : doc.select("img")) {
            String url = img.attr("src");
            Optional<String> file = url.isEmpty() ? Optional.empty() : images.file(url);
            if (file.isPresent()) {
                img.attr("src", prefix + "img/" + file.get()).attr("loading", "lazy");
                if (!img.hasAttr("alt")) {
                    img.attr("alt", alts.getOrDefault(url, ""));
                }
                shown++;
            } else {
                String alt = img.attr("alt").isBlank() ? alts.getOrDefault(url, "") : img.attr("alt");
                Element note = new Element("span").addClass("img-missing");
                note.appendElement("span").addClass("img-alt").text(alt.isBlank() ? "（图片）" : alt);
                note.appendElement("small").text("image not archived: " + images.whyMissing(url));
                img.replaceWith(note);
                missing++;
            }
        }
        Set<String> linked = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            Optional<String> key = keyOf(a.attr("href"));
            key.ifPresent(linked::add);
            if (key.isPresent() && pages.contains(key.get())) {
                a.attr("href", prefix + "a/" + key.get() + ".html").addClass("archived");
            } else {
                a.attr("rel", "noopener noreferrer");
            }
        }
        return new Rendered(doc.body().html(), linked, shown, missing);
    }

    private static Optional<String> keyOf(String href) {
        try {
            URI uri = new URI(href);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return Optional.empty();
            }
            return Optional.of(ArticleKeys.keyOf(uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
