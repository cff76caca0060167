package io.linkshelf.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a platform-prepared copy of an article body into safe reader HTML, its plain text and its links. The
 * platform readers first resolve images and rewrite what only they understand; this class does what every body
 * needs: drop hidden parts, scripts and embeds, keep code line breaks, then apply the allow-list.
 */
final class BodyCleaner {
    record Body(String html, String text, List<URI> links, int wordCount) {}

    private static final Safelist SAFELIST = new Safelist()
            .addTags("a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
                    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
                    "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strike",
                    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "class")
            .addAttributes("span", "class")
            .addAttributes("code", "class")
            .addAttributes("ol", "start")
            .addAttributes("li", "value")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("img", "src", "http", "https");

    static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "header", "center", "aside",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "blockquote", "pre", "table", "figure", "hr",
            "figcaption", "address", "details");
    private static final String DROP = "script, style, noscript, template, link, meta, title, head, form, input, button,"
            + " select, textarea, object, embed, canvas, svg, map, dialog, iframe, video, audio, source, track";
    private static final String CONTAINERS = "section, article, main, header, center, address, details, div";
    private static final String EMPTIABLE = "p, div, h1, h2, h3, h4, h5, h6, blockquote, li, ul, ol, strong, b, em, i,"
            + " u, s, sup, sub, figure, figcaption, span, a";
    private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none");
    private static final Pattern LANGUAGE = Pattern.compile("(?:^|\\s)(?:language-|lang-|code-snippet__)([A-Za-z0-9+#]+)");

    private BodyCleaner() {}

    /**
     * Sets each image's {@code src} to the URL the rule picks (the first URL of its dedupe key among the
     * article's images, so body and image list agree) and removes images without one and tracking pixels.
     */
    static void resolveImages(Element root, List<ImageRef> images, Function<Element, Optional<URI>> rule) {
        Map<String, URI> firstByKey = new LinkedHashMap<>();
        images.forEach(i -> firstByKey.putIfAbsent(i.key(), i.url()));
        for (Element img : root.select("img")) {
            Optional<URI> url = GenericPages.isPixel(img) ? Optional.empty() : rule.apply(img);
            if (url.isEmpty()) {
                img.remove();
                continue;
            }
            URI src = firstByKey.getOrDefault(ImageUrls.key(url.get()), url.get());
            String alt = img.attr("alt");
            String cls = img.hasClass("math") ? img.className() : "";
            img.clearAttributes();
            img.attr("src", src.toString());
            if (!alt.isBlank()) {
                img.attr("alt", alt.strip());
            }
            if (!cls.isEmpty()) {
                img.attr("class", cls);
            }
        }
    }

    /** The first candidate that resolves to a usable http(s) URL the filter accepts. */
    static Optional<URI> firstUrl(URI base, Function<URI, Boolean> accept, String... candidates) {
        for (String c : candidates) {
            Optional<URI> url = ImageUrls.resolve(base, c).filter(accept::apply);
            if (url.isPresent()) {
                return url;
            }
        }
        return Optional.empty();
    }

    /** Replaces an embed (video, audio, mini program) with a short "[label] title" note, linked when possible. */
    static void placeholder(Element embed, String label, String title, Optional<URI> link) {
        Element parent = embed.parent();
        boolean inline = parent != null && !parent.nameIs("div") && !parent.nameIs("section")
                && !parent.nameIs("body") && !parent.nameIs("blockquote") && !parent.nameIs("figure")
                && !parent.nameIs("article") && !parent.nameIs("td");
        Element note = new Element(inline ? "span" : "p");
        note.appendText("[" + label + "]");
        String name = title.strip();
        if (link.isPresent()) {
            note.appendText(" ");
            note.appendElement("a").attr("href", link.get().toString()).text(name.isEmpty() ? link.get().toString() : name);
        } else if (!name.isEmpty()) {
            note.appendText(" " + name);
        }
        embed.replaceWith(note);
    }

    /** Turns a {@code pre} into {@code pre > code} holding only text, with its line breaks. */
    static void codeBlock(Element pre, String text, Optional<String> language) {
        pre.empty();
        pre.clearAttributes();
        Element code = pre.appendElement("code");
        language.ifPresent(l -> code.attr("class", "language-" + l));
        code.text(text);
    }

    /** Cleans a prepared, detached body. {@code root}'s children are moved out, so it must not be used afterwards. */
    static Body finish(Element root, URI base) {
        for (Element el : root.select("[style]")) {
            if (el != root && HIDDEN.matcher(el.attr("style")).find()) {
                el.remove();
            }
        }
        for (Element el : root.select("iframe[src], iframe[data-src], video, audio")) {
            String kind = el.nameIs("audio") ? "音频" : "视频";
            String src = el.hasAttr("data-src") ? el.attr("data-src") : el.attr("src");
            if (src.isEmpty()) {
                Element source = el.selectFirst("source[src]");
                src = source == null ? "" : source.attr("src");
            }
            placeholder(el, kind, el.attr("title"), ImageUrls.resolve(base, src));
        }
        root.select(DROP).remove();
        for (Element pre : root.select("pre")) {
            codeBlock(pre, preText(pre), language(pre));
        }
        for (Element el : root.select(CONTAINERS)) {
            if (el != root) {
                el.tagName(hasBlockChild(el) ? "div" : "p");
            }
        }
        for (Element el : root.getAllElements()) {
            keepOnlyMeaningfulClass(el);
        }
        for (Element span : root.select("span:not(.math), font")) {
            span.unwrap();
        }

        Document dirty = Document.createShell(base.toString());
        dirty.body().appendChildren(new ArrayList<>(root.childNodes()));
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Element body = clean.body();
        for (Element a : body.select("a:not([href])")) {
            a.unwrap();
        }
        removeEmpty(body);

        Set<URI> links = new LinkedHashSet<>();
        for (Element a : body.select("a[href]")) {
            String href = a.attr("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                try {
                    links.add(new URI(href));
                } catch (URISyntaxException e) {
                    // The cleaner keeps what browsers accept; a link java.net.URI refuses is left out of the list only.
                }
            }
        }
        String text = PlainText.of(body);
        return new Body(body.html().strip(), text, List.copyOf(links), PlainText.wordCount(text));
    }

    /** A title for a page that names none: its first line of text, shortened, else its URL. */
    static String fallbackTitle(String text, URI url) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return url.toString();
        }
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 60)) + "…";
    }

    /** The text of a code block, {@code <br>} as a line break (jsoup's wholeText keeps the text's own newlines). */
    static String preText(Element pre) {
        for (Element br : pre.select("br")) {
            br.replaceWith(new TextNode("\n"));
        }
        String text = pre.wholeText();
        return text.replaceAll("^\\n+|\\s+$", "");
    }

    private static Optional<String> language(Element pre) {
        for (Element el : pre.select("pre, code")) {
            Matcher m = LANGUAGE.matcher(el.className());
            if (m.find()) {
                return Optional.of(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    private static boolean hasBlockChild(Element el) {
        for (Element child : el.children()) {
            if (BLOCKS.contains(child.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void keepOnlyMeaningfulClass(Element el) {
        if (!el.hasAttr("class")) {
            return;
        }
        if ((el.nameIs("span") || el.nameIs("img")) && el.hasClass("math")) {
            el.attr("class", el.hasClass("display") ? "math display" : "math");
        } else if (el.nameIs("code") && el.className().startsWith("language-") && !el.className().contains(" ")) {
            return;
        } else {
            el.removeAttr("class");
        }
    }

    /** Removes, innermost first, elements left with no text and nothing visible (WeChat's spacer sections). */
    private static void removeEmpty(Element body) {
        List<Element> candidates = body.select(EMPTIABLE);
        for (int i = candidates.size() - 1; i >= 0; i--) {
            Element el = candidates.get(i);
            if (el.parent() != null && isBlankText(el.text()) && el.select("img, hr, pre, code").isEmpty()) {
                el.remove();
            }
        }
        for (Node child : new ArrayList<>(body.childNodes())) {
            if (child instanceof Element el && el.nameIs("br")) {
                el.remove();
            }
        }
    }

    private static boolean isBlankText(String s) {
        return s.replace('\u00a0', ' ').isBlank();
    }
}
