package io.linkshelf.export;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * The mirror's body HTML as EPUB's XHTML: the mirror's markup narrowed to what HTML5 still allows (EPUB readers and
 * epubcheck refuse the obsolete table and image attributes the mirror's allow-list tolerates) and written as XML.
 * The input is already sanitised by the mirror's renderer; this allow-list is a second, stricter pass.
 */
final class XhtmlBody {

    private static final Safelist EPUB = new Safelist()
            .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "div",
                    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
                    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "sup",
                    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "var")
            .addAttributes("a", "href", "title", "class")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addAttributes("col", "span")
            .addAttributes("colgroup", "span")
            .addAttributes("ol", "start")
            .addAttributes("span", "class")
            .addAttributes("small", "class")
            .addAttributes("code", "class");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,5}");
    private static final Pattern SAFE_HREF = Pattern.compile("(?i)(https?:|mailto:|[^:/?#]+(?:[/?#]|$)).*");
    /** Characters XML 1.0 does not allow at all, even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private XhtmlBody() {}

    /** The text without the characters XML 1.0 does not allow. */
    static String xmlChars(String text) {
        return NOT_XML.matcher(text).replaceAll("");
    }

    /** The body as an XHTML fragment to put inside a {@code div}. */
    static String of(String html) {
        Document dirty = Jsoup.parseBodyFragment(xmlChars(html));
        dirty.select("strike").tagName("s");
        Document doc = new org.jsoup.safety.Cleaner(EPUB).clean(dirty);
        for (Element img : doc.select("img")) {
            for (String size : new String[] {"width", "height"}) {
                if (img.hasAttr(size) && !NUMBER.matcher(img.attr(size)).matches()) {
                    img.removeAttr(size);
                }
            }
            if (!img.hasAttr("alt")) {
                img.attr("alt", "");
            }
        }
        for (Element a : doc.select("a[href]")) {
            if (!SAFE_HREF.matcher(a.attr("href")).matches()) {
                a.removeAttr("href");
            }
        }
        for (Element td : doc.select("td[colspan], td[rowspan], th[colspan], th[rowspan]")) {
            for (String span : new String[] {"colspan", "rowspan"}) {
                if (td.hasAttr(span) && !(NUMBER.matcher(td.attr(span)).matches() && Integer.parseInt(td.attr(span)) > 0)) {
                    td.removeAttr(span);
                }
            }
        }
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8).prettyPrint(false);
        return doc.body().html();
    }
}
