package io.linkshelf.extract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** Rewrites a copy of a Zhihu rich-text body into plain reader HTML before the common clean-up. */
final class ZhihuBodies {
    private static final Pattern TEX_PARAM = Pattern.compile("[?&]tex=([^&]*)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,25}");

    private record Note(String text, String url) {}

    private ZhihuBodies() {}

    static void prepare(Element body, URI base, List<ImageRef> images) {
        body.select("a[data-draft-type=mcn-link-card], .RichText-MCNLinkCardContainer").remove();
        for (Element a : body.select("a.RichContent-EntityWord, a[href*=zhida.zhihu.com]")) {
            a.select("svg").remove();
            a.unwrap();
        }
        for (Element a : body.select("a[href]")) {
            a.attr("href", ZhihuArticles.unwrapLink(a.attr("href")));
        }
        for (Element card : body.select("a[data-draft-type=link-card]")) {
            String text = card.attr("data-text").strip();
            card.empty();
            card.text(text.isEmpty() ? card.attr("href") : text);
            if (card.parent() != null && !card.parent().nameIs("p")) {
                card.wrap("<p></p>");
            }
        }
        for (Element video : body.select("a.video-box")) {
            BodyCleaner.placeholder(video, "视频", video.select(".title, .video-box-title").text(),
                    ImageUrls.resolve(base, video.attr("href")));
        }
        for (Element video : body.select("[data-zvideo-id]")) {
            String id = video.attr("data-zvideo-id");
            BodyCleaner.placeholder(video, "视频", video.attr("data-title"),
                    DIGITS.matcher(id).matches()
                            ? ImageUrls.resolve(base, "https://www.zhihu.com/zvideo/" + id) : Optional.empty());
        }
        footnotes(body);
        formulas(body);
        for (Element u : body.select("u")) {
            u.unwrap();
        }
        images(body, base, images);
    }

    /** Footnote marks become "[n]"; their titles and links go to a numbered list at the end. */
    private static void footnotes(Element body) {
        Map<String, Note> notes = new LinkedHashMap<>();
        for (Element sup : body.select("sup[data-text][data-url], sup[data-draft-type=reference]")) {
            String numero = sup.attr("data-numero").strip();
            if (!numero.matches("\\d{1,4}")) {
                numero = Integer.toString(notes.size() + 1);
            }
            notes.putIfAbsent(numero, new Note(sup.attr("data-text").strip(), ZhihuArticles.unwrapLink(sup.attr("data-url").strip())));
            sup.clearAttributes();
            sup.empty();
            sup.text("[" + numero + "]");
        }
        if (notes.isEmpty()) {
            return;
        }
        body.appendElement("hr");
        Element list = body.appendElement("ol");
        for (Map.Entry<String, Note> e : notes.entrySet()) {
            Element li = list.appendElement("li").attr("value", e.getKey());
            Note note = e.getValue();
            if (!note.text().isEmpty()) {
                li.appendText(note.text());
            }
            if (!note.url().isEmpty()) {
                if (!note.text().isEmpty()) {
                    li.appendText(" ");
                }
                li.appendElement("a").attr("href", note.url()).text(note.url());
            }
        }
    }

    /** {@code span.ztext-math[data-tex]} keeps its TeX as text; {@code img[eeimg]} keeps its LaTeX alt. */
    private static void formulas(Element body) {
        for (Element span : body.select("span.ztext-math[data-tex]")) {
            String tex = span.attr("data-tex");
            Element math = new Element("span").addClass("math").text(tex);
            span.replaceWith(math);
            if (isDisplay(math, tex)) {
                math.addClass("display");
            }
        }
        for (Element img : body.select("img[eeimg]")) {
            String tex = img.attr("alt");
            if (tex.isBlank()) {
                Matcher m = TEX_PARAM.matcher(img.attr("src"));
                if (m.find()) {
                    try {
                        tex = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        tex = "";
                    }
                }
                img.attr("alt", tex);
            }
            img.addClass("math");
            if (isDisplay(img, tex)) {
                img.addClass("display");
            }
        }
    }

    /** Display math is alone in its paragraph, or ends a line ({@code \\}) or is numbered ({@code \tag}). */
    private static boolean isDisplay(Element formula, String tex) {
        String t = tex.strip();
        if (t.endsWith("\\\\") || t.contains("\\tag")) {
            return true;
        }
        Element p = formula.parent();
        if (p == null || !p.nameIs("p")) {
            return false;
        }
        String own = formula.nameIs("img") ? "" : formula.text();
        return p.children().size() == 1 && p.text().strip().equals(own.strip());
    }

    /** Figures become one image with its caption; other images take the same URL rule as the image finder. */
    private static void images(Element body, URI base, List<ImageRef> images) {
        for (Element figure : body.select("figure")) {
            Optional<URI> url = ZhihuArticles.figureImage(figure, base);
            Element caption = figure.selectFirst("figcaption");
            String captionText = caption == null ? "" : caption.text().strip();
            String alt = captionText.isEmpty()
                    ? figure.select("img[alt]").eachAttr("alt").stream().filter(a -> !a.isBlank()).findFirst().orElse("")
                    : captionText;
            figure.empty();
            figure.clearAttributes();
            url.ifPresent(u -> figure.appendElement("img").attr("src", u.toString()).attr("alt", alt));
            if (!captionText.isEmpty()) {
                figure.appendElement("figcaption").text(captionText);
            }
        }
        for (Element noscript : body.select("noscript")) {
            Element lazy = noscript.previousElementSibling();
            if (lazy == null || !lazy.nameIs("img")) {
                lazy = noscript.nextElementSibling();
            }
            boolean lazyUsable = lazy != null && lazy.nameIs("img") && lazyUrl(lazy, base).isPresent();
            if (!lazyUsable) {
                for (Element img : noscript.select("img")) {
                    noscript.before(img);
                }
            }
            noscript.remove();
        }
        BodyCleaner.resolveImages(body, images, img -> lazyUrl(img, base));
    }

    private static Optional<URI> lazyUrl(Element img, URI base) {
        return BodyCleaner.firstUrl(base, u -> true, img.attr("data-original"), img.attr("data-actualsrc"), img.attr("src"));
    }
}
