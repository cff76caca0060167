package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Page state, main content and images of any other page. */
final class GenericPages {
    private static final Platform P = Platform.OTHER;
    /** Page chrome that sits inside a main element as often as around it. */
    static final String BOILERPLATE = "nav, aside, footer, form, [role=navigation], [role=complementary],"
            + " [role=contentinfo], [role=search], .sidebar, .comments, #comments, .share, .social";
    private static final int MIN_CONTENT_CHARS = 140;

    private GenericPages() {}

    static PageVerdict classify(Page p) {
        PageResponse r = p.response();
        Optional<PageVerdict> early = Responses.byStatus(r, P).or(() -> Responses.byBody(r, P));
        if (early.isPresent()) {
            return early.get();
        }
        Document doc = p.html().document();
        if (!doc.body().text().isBlank()) {
            return PageVerdict.of(PageState.OK, P, "page with text");
        }
        if (!images(doc, r).isEmpty()) {
            return PageVerdict.of(PageState.OK, P, "page with images but no text");
        }
        return PageVerdict.of(PageState.EMPTY, P, "HTML page without text");
    }

    static List<ImageRef> images(Page p) {
        PageResponse r = p.response();
        return images(p.html().document(), r);
    }

    private static List<ImageRef> images(Document doc, PageResponse r) {
        var images = new ImageCollector(r.finalUri(), url -> false);
        collect(content(doc), images);
        return images.images();
    }

    /** Adds the images of a content element in order: {@code src}, the first {@code srcset} entry, {@code data-src}. */
    static void collect(Element content, ImageCollector images) {
        for (Element img : content.select("img")) {
            if (isPixel(img)) {
                continue;
            }
            String alt = img.attr("alt");
            for (String candidate : candidates(img)) {
                if (images.add(candidate, alt)) {
                    break;
                }
            }
        }
    }

    /** The raw URLs an image may carry, best first. */
    static List<String> candidates(Element img) {
        return List.of(img.attr("src"), firstSrcset(img.attr("srcset")), img.attr("data-src"));
    }

    /** A detached copy of the main content with navigation, sidebars, footers and forms removed. */
    static Element content(Document doc) {
        Element copy = main(doc).clone();
        copy.select(BOILERPLATE).remove();
        if (copy.nameIs("body")) {
            copy.select("header").remove();
        }
        return copy;
    }

    /** {@code <article>} (the longest), else {@code <main>}, else the block holding most paragraph text, else body. */
    private static Element main(Document doc) {
        Optional<Element> article = doc.select("article").stream()
                .max(Comparator.comparingInt(e -> e.text().length()));
        if (article.isPresent()) {
            return article.get();
        }
        Element main = doc.selectFirst("main, [role=main], [itemprop=articleBody]");
        if (main != null) {
            return main;
        }
        Element best = null;
        int bestScore = MIN_CONTENT_CHARS - 1;
        for (Element candidate : doc.body().select("div, section, td")) {
            int score = paragraphChars(candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best != null ? best : doc.body();
    }

    /** Text in the element's own paragraphs, less the text of links there (menus are all links). */
    private static int paragraphChars(Element block) {
        int chars = 0;
        for (Element child : block.children()) {
            if (child.nameIs("p") || child.nameIs("pre") || child.nameIs("blockquote")) {
                chars += child.text().length() - child.select("a").text().length();
            }
        }
        return chars;
    }

    /** Tracking pixels declare a size of 1 (or 0). */
    static boolean isPixel(Element img) {
        return tiny(img.attr("width")) || tiny(img.attr("height"));
    }

    private static boolean tiny(String size) {
        String digits = size.strip().replaceAll("(?i)px$", "");
        return digits.equals("0") || digits.equals("1");
    }

    private static String firstSrcset(String srcset) {
        String first = srcset.strip();
        int comma = first.indexOf(", ");
        first = comma >= 0 ? first.substring(0, comma) : first;
        int space = first.indexOf(' ');
        return space >= 0 ? first.substring(0, space) : first;
    }
}
