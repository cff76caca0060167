package io.linkshelf.extract;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Page state and images of any other page. */
final class GenericPages {
    private static final Platform P = Platform.GENERIC;

    private GenericPages() {}

    static PageVerdict classify(PageResponse r) {
        Optional<PageVerdict> early = Responses.byStatus(r, P).or(() -> Responses.byBody(r, P));
        if (early.isPresent()) {
            return early.get();
        }
        Document doc = HtmlPage.parse(r).document();
        if (!doc.body().text().isBlank()) {
            return PageVerdict.of(PageState.OK, P, "page with text");
        }
        if (!images(doc, r).isEmpty()) {
            return PageVerdict.of(PageState.OK, P, "page with images but no text");
        }
        return PageVerdict.of(PageState.EMPTY, P, "HTML page without text");
    }

    static List<ImageRef> images(PageResponse r) {
        return images(HtmlPage.parse(r).document(), r);
    }

    private static List<ImageRef> images(Document doc, PageResponse r) {
        var images = new ImageCollector(r.finalUri(), url -> false);
        for (Element img : main(doc).select("img")) {
            if (isPixel(img)) {
                continue;
            }
            String alt = img.attr("alt");
            if (!images.add(img.attr("src"), alt) && !images.add(firstSrcset(img.attr("srcset")), alt)) {
                images.add(img.attr("data-src"), alt);
            }
        }
        return images.images();
    }

    private static Element main(Document doc) {
        Element main = doc.selectFirst("article");
        if (main == null) {
            main = doc.selectFirst("main, [role=main]");
        }
        return main != null ? main : doc.body();
    }

    /** Tracking pixels declare a size of 1 (or 0). */
    private static boolean isPixel(Element img) {
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
