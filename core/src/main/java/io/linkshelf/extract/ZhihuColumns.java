package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads a Zhihu column page (or its items API answer) as an article whose body lists the column's articles. */
final class ZhihuColumns {
    private static final Pattern ARTICLE_LINK = Pattern.compile("^(?:https?:)?//(?:zhuanlan\\.)?zhihu\\.com/p/(\\d+)|^/p/(\\d+)");
    private static final String ITEM_LINKS = ".ContentItem-title a[href], .ArticleItem h2 a[href], .ArticleItem-title a[href]";

    private ZhihuColumns() {}

    /** A column page: a /column/ URL, or a page of article items, and in either case no article of its own. */
    static boolean isListing(HtmlPage page, URI uri) {
        Document doc = page.document();
        if (doc.selectFirst("h1.Post-Title, .Post-RichText") != null) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.startsWith("/column/") || doc.select(ITEM_LINKS).size() >= 2;
    }

    static Optional<Article> extract(PageResponse r, HtmlPage page) {
        Document doc = page.document();
        Map<String, String> items = new LinkedHashMap<>();
        for (Element a : doc.select(ITEM_LINKS)) {
            articleId(a.attr("href")).ifPresent(id -> items.putIfAbsent(id, a.text().strip()));
        }
        JsonNode entities = ZhihuPages.initialState(page).path("entities");
        for (Iterator<JsonNode> it = entities.path("articles").elements(); it.hasNext(); ) {
            JsonNode article = it.next();
            String id = article.path("id").asText("");
            Optional<String> title = ZhihuArticles.textOf(article.path("title"));
            if (id.matches("\\d+") && title.isPresent()) {
                items.putIfAbsent(id, title.get());
            }
        }
        JsonNode column = first(entities.path("columns"));
        Optional<String> title = ZhihuArticles.textOf(column.path("title"))
                .or(() -> HtmlPage.firstContent(doc, "meta[property=og:title]"))
                .or(() -> HtmlPage.firstText(doc, ".ColumnHome-title, h1"))
                .or(() -> Optional.of(ZhihuArticles.stripSuffix(doc.title())).filter(t -> !t.isBlank()));
        Optional<String> author = ZhihuArticles.textOf(column.path("author").path("name"))
                .or(() -> HtmlPage.firstText(doc, ".ColumnHome-author .UserLink-link, .ColumnHome-author a"));
        return listing(r, title, author, items);
    }

    /** The columns items API: {@code {"data": [{"id", "title", "url", "column": {...}}], "paging": ...}}. */
    static Optional<Article> fromApi(PageResponse r, JsonNode json) {
        Map<String, String> items = new LinkedHashMap<>();
        JsonNode column = json.path("column");
        for (JsonNode item : json.path("data")) {
            Optional<String> id = articleId(item.path("url").asText("")).or(() -> {
                String raw = item.path("id").asText("");
                return raw.matches("\\d+") && "article".equals(item.path("type").asText("article")) ? Optional.of(raw) : Optional.empty();
            });
            Optional<String> title = ZhihuArticles.textOf(item.path("title"));
            if (id.isPresent() && title.isPresent()) {
                items.putIfAbsent(id.get(), title.get());
            }
            if (column.isMissingNode() && item.path("column").isObject()) {
                column = item.path("column");
            }
        }
        return listing(r, ZhihuArticles.textOf(column.path("title")), ZhihuArticles.textOf(column.path("author").path("name")), items);
    }

    private static Optional<Article> listing(PageResponse r, Optional<String> title, Optional<String> author, Map<String, String> items) {
        items.values().removeIf(String::isBlank);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        URI base = r.finalUri();
        Element list = new Element("div").appendElement("ul");
        for (Map.Entry<String, String> item : items.entrySet()) {
            list.appendElement("li").appendElement("a")
                    .attr("href", "https://zhuanlan.zhihu.com/p/" + item.getKey())
                    .text(item.getValue());
        }
        BodyCleaner.Body clean = BodyCleaner.finish(list.parent(), base);
        return Optional.of(new Article(Platform.ZHIHU, title.orElse(base.toString()), author, Optional.empty(), false,
                r.requestedUri(), base, clean.html(), clean.text(), List.of(), clean.links(), clean.wordCount()));
    }

    private static Optional<String> articleId(String href) {
        Matcher m = ARTICLE_LINK.matcher(href.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static JsonNode first(JsonNode object) {
        Iterator<JsonNode> it = object.elements();
        return it.hasNext() ? it.next() : MissingNode.getInstance();
    }
}
