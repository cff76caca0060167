package io.linkshelf.export;

import io.linkshelf.archive.Html;
import io.linkshelf.extract.Article;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The XML documents of an EPUB 3 book besides the images: container, package, navigation, NCX, contents page, chapters. */
final class EpubDocs {

    /** A file of the book's manifest. */
    record Item(String id, String href, String mediaType) {}

    static final String CONTAINER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles>
                <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
              </rootfiles>
            </container>
            """;

    static final String CSS = """
            body { font-family: serif; line-height: 1.6; }
            h1 { font-size: 1.4em; line-height: 1.3; }
            .meta, .source, .missing, .mark { font-size: 0.85em; }
            .mark { border: 1px solid #b33; padding: 0.3em 0.5em; }
            .missing { color: #777; }
            img { max-width: 100%; height: auto; }
            pre { white-space: pre-wrap; font-size: 0.85em; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #999; padding: 0.2em 0.4em; }
            .img-missing small { display: block; color: #777; }
            """;

    /** WeChat and Zhihu publish for readers in China; their dates read as those readers saw them. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.ofHours(8));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private EpubDocs() {}

    static String chapterHref(String key) {
        return "text/" + key + ".xhtml";
    }

    /** One article: heading, facts, the mark of a source that lost it, then the body. */
    static String chapter(ShelfItem item, Optional<Article> article, Instant captured, String bodyXhtml) {
        StringBuilder b = new StringBuilder();
        b.append("<section epub:type=\"chapter\" id=\"").append(esc(item.key())).append("\">\n<h1>")
                .append(esc(item.title())).append("</h1>\n<p class=\"meta\">");
        article.flatMap(Article::author).ifPresent(a -> b.append(esc(a)).append(" · "));
        article.flatMap(Article::published).ifPresent(p -> b.append("发布于 ").append(DAY.format(p)).append(" · "));
        b.append(esc(item.placement().author())).append(item.placement().subsection().map(s -> " › " + esc(s)).orElse(""))
                .append("</p>\n<p class=\"source\">原文 <a href=\"").append(esc(item.url())).append("\">").append(esc(item.url()))
                .append("</a> · captured ").append(MINUTE.format(captured)).append("</p>\n");
        item.mark().ifPresent(m -> b.append("<p class=\"mark\">").append(esc(m)).append("</p>\n"));
        b.append("<div class=\"body\">").append(bodyXhtml).append("</div>\n</section>\n");
        return page(item.title(), "../", b.toString());
    }

    /** The contents page: every article of the book in list order, the never-captured ones listed as missing. */
    static String contents(Book book, int captured, Optional<Instant> newest) {
        StringBuilder b = new StringBuilder("<section epub:type=\"titlepage\" id=\"contents\">\n<h1>")
                .append(esc(book.title())).append("</h1>\n<p class=\"meta\">");
        int listed = (int) book.chapters().stream().flatMap(c -> c.items().stream()).map(ShelfItem::key).distinct().count();
        b.append(captured).append(" of ").append(listed).append(" articles archived");
        newest.ifPresent(n -> b.append(", captured up to ").append(MINUTE.format(n)));
        b.append(". Made by linkshelf from its WARC archive.</p>\n");
        for (Book.Chapter c : book.chapters()) {
            c.heading().ifPresent(h -> b.append("<h2>").append(esc(h)).append("</h2>\n"));
            b.append("<ol>\n");
            for (ShelfItem i : c.items()) {
                b.append("<li>");
                if (i.captured()) {
                    b.append("<a href=\"").append(chapterHref(i.key())).append("\">").append(esc(i.title())).append("</a>");
                    i.mark().ifPresent(m -> b.append(" <small class=\"mark\">").append(esc(shortMark(m))).append("</small>"));
                } else {
                    b.append("<span class=\"missing\">").append(esc(i.title())).append(" — 未存档 · ").append(esc(i.whyMissing()))
                            .append(" · ").append(esc(i.url())).append("</span>");
                }
                b.append("</li>\n");
            }
            b.append("</ol>\n");
        }
        b.append("</section>\n");
        return page(book.title(), "", b.toString());
    }

    /** The EPUB 3 navigation document: chapters with their archived articles. */
    static String nav(Book book) {
        StringBuilder b = new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>目录 · Contents</h1>\n<ol>\n")
                .append("<li><a href=\"contents.xhtml\">").append(esc(book.title())).append("</a></li>\n");
        for (Book.Chapter c : book.chapters()) {
            List<ShelfItem> items = c.items().stream().filter(ShelfItem::captured).toList();
            if (items.isEmpty()) {
                continue;
            }
            if (c.heading().isPresent()) {
                b.append("<li><span>").append(esc(c.heading().get())).append("</span>\n<ol>\n");
            }
            for (ShelfItem i : items) {
                b.append("<li><a href=\"").append(chapterHref(i.key())).append("\">").append(esc(i.title())).append("</a></li>\n");
            }
            if (c.heading().isPresent()) {
                b.append("</ol></li>\n");
            }
        }
        b.append("</ol>\n</nav>\n");
        return page("目录 · Contents", "", b.toString());
    }

    /** The NCX, for readers older than EPUB 3. Points at the same target share a play order, as the NCX asks. */
    static String ncx(Book book, String uid) {
        StringBuilder points = new StringBuilder();
        Map<String, Integer> order = new LinkedHashMap<>();
        int[] id = {0};
        java.util.function.Function<String, Integer> play = src -> order.computeIfAbsent(src, s -> order.size() + 1);
        points.append(navPoint(++id[0], play.apply("contents.xhtml"), book.title(), "contents.xhtml")).append("</navPoint>\n");
        for (Book.Chapter c : book.chapters()) {
            List<ShelfItem> items = c.items().stream().filter(ShelfItem::captured).toList();
            if (items.isEmpty()) {
                continue;
            }
            if (c.heading().isPresent()) {
                String first = chapterHref(items.get(0).key());
                points.append(navPoint(++id[0], play.apply(first), c.heading().get(), first));
            }
            for (ShelfItem i : items) {
                String src = chapterHref(i.key());
                points.append(navPoint(++id[0], play.apply(src), i.title(), src)).append("</navPoint>\n");
            }
            if (c.heading().isPresent()) {
                points.append("</navPoint>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"zh\">\n<head>\n"
                + "<meta name=\"dtb:uid\" content=\"" + esc(uid) + "\"/>\n<meta name=\"dtb:depth\" content=\"2\"/>\n"
                + "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n"
                + "<docTitle><text>" + esc(book.title()) + "</text></docTitle>\n<navMap>\n" + points + "</navMap>\n</ncx>\n";
    }

    private static String navPoint(int id, int playOrder, String label, String src) {
        return "<navPoint id=\"np-" + id + "\" playOrder=\"" + playOrder + "\"><navLabel><text>" + esc(label)
                + "</text></navLabel><content src=\"" + esc(src) + "\"/>\n";
    }

    /** The package document: metadata, every file, and the reading order. */
    static String opf(Book book, String uid, Instant modified, List<Item> items, List<String> spine) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" xml:lang=\"zh\">\n")
                .append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<dc:identifier id=\"book-id\">").append(esc(uid)).append("</dc:identifier>\n")
                .append("<dc:title>").append(esc(book.title())).append("</dc:title>\n")
                .append("<dc:language>zh</dc:language>\n");
        book.creator().ifPresent(c -> b.append("<dc:creator>").append(esc(c)).append("</dc:creator>\n"));
        b.append("<dc:publisher>linkshelf</dc:publisher>\n<meta property=\"dcterms:modified\">")
                .append(DateTimeFormatter.ISO_INSTANT.format(modified.truncatedTo(ChronoUnit.SECONDS))).append("</meta>\n")
                .append("</metadata>\n<manifest>\n");
        for (Item i : items) {
            b.append("<item id=\"").append(esc(i.id())).append("\" href=\"").append(esc(i.href())).append("\" media-type=\"")
                    .append(i.mediaType()).append('"').append(i.id().equals("nav") ? " properties=\"nav\"" : "").append("/>\n");
        }
        b.append("</manifest>\n<spine toc=\"ncx\">\n");
        spine.forEach(id -> b.append("<itemref idref=\"").append(esc(id)).append("\"/>\n"));
        return b.append("</spine>\n</package>\n").toString();
    }

    private static String shortMark(String mark) {
        int dot = mark.indexOf(';');
        return dot < 0 ? mark : mark.substring(0, dot);
    }

    private static String page(String title, String prefix, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"zh\" xml:lang=\"zh\">\n"
                + "<head>\n<meta charset=\"utf-8\"/>\n<title>" + esc(title) + "</title>\n"
                + "<link rel=\"stylesheet\" type=\"text/css\" href=\"" + prefix + "style.css\"/>\n</head>\n<body>\n"
                + body + "</body>\n</html>\n";
    }

    /**
     * Text for XML content and quoted attributes: {@link Html#escape}, the escaper of every view, after removing the
     * characters XML 1.0 cannot hold even escaped (a control character in a title would make the book unreadable).
     */
    static String esc(String text) {
        return Html.escape(XhtmlBody.xmlChars(text));
    }
}
