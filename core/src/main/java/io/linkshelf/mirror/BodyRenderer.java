package io.linkshelf.mirror;

import io.linkshelf.catalog.ArticleKeys;
import io.linkshelf.extract.Article;
import io.linkshelf.extract.ImageRef;
import io.linkshelf.snapshot.ArchiveLayout;
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
 * The exports render bodies the same way through {@link #render(Article, Targets)}, with their own targets.
 */
public final class BodyRenderer {

    // code keeps its class: the extractor leaves only "language-<lang>" there, which the Markdown export fences with.
    private static final Safelist SAFE = Safelist.relaxed()
            .addTags("figure", "figcaption", "hr", "mark", "del", "ins", "s", "abbr", "kbd", "samp", "var", "small")
            .addAttributes("code", "class")
            .removeProtocols("a", "href", "ftp");

    /** The rendered body, and the keys of every article URL it links to (archived or not, for change detection). */
    public record Rendered(String html, Set<String> linkedKeys, int images, int missingImages) {
        public Rendered {
            linkedKeys = Set.copyOf(linkedKeys);
        }
    }

    /** Where a rendered body's images and links to archived articles point. */
    public interface Targets {
        /** The href of the archived copy of the image at this URL; empty shows its alt text and a note instead. */
        Optional<String> image(String url) throws IOException;

        /** Why the image at this URL has no copy, in a few words. */
        String whyMissing(String url);

        /** The href of an archived article's own page; empty keeps the link to the web. */
        Optional<String> article(String key);
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
        return render(article, new Targets() {
            @Override
            public Optional<String> image(String url) throws IOException {
                return images.file(url).map(file -> prefix + ArchiveLayout.MIRROR_IMAGES + "/" + file);
            }

            @Override
            public String whyMissing(String url) {
                return images.whyMissing(url);
            }

            @Override
            public Optional<String> article(String key) {
                return pages.contains(key) ? Optional.of(prefix + ArchiveLayout.mirrorPagePath(key)) : Optional.empty();
            }
        });
    }

    /** Renders a body with the mirror's allow-list and markup, images and article links pointed where {@code targets} says. */
    public static Rendered render(Article article, Targets targets) throws IOException {
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
            Optional<String> file = url.isEmpty() ? Optional.empty() : targets.image(url);
            if (file.isPresent()) {
                img.attr("src", file.get()).attr("loading", "lazy");
                if (!img.hasAttr("alt")) {
                    img.attr("alt", alts.getOrDefault(url, ""));
                }
                shown++;
            } else {
                String alt = img.attr("alt").isBlank() ? alts.getOrDefault(url, "") : img.attr("alt");
                Element note = new Element("span").addClass("img-missing");
                note.appendElement("span").addClass("img-alt").text(alt.isBlank() ? "（图片）" : alt);
                note.appendElement("small").text("image not archived: " + targets.whyMissing(url));
                img.replaceWith(note);
                missing++;
            }
        }
        Set<String> linked = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            Optional<String> key = keyOf(a.attr("href"));
            key.ifPresent(linked::add);
            Optional<String> page = key.flatMap(targets::article);
            if (page.isPresent()) {
                a.attr("href", page.get()).addClass("archived");
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
