package io.linkshelf.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** Checks every extractor test applies: a safe body whose images are the article's image list. */
final class ArticleAssertions {
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("(?i)\\son[a-z]+\\s*=");

    private ArticleAssertions() {}

    static Article extracted(PageResponse response) {
        Article article = ArticleExtractor.extract(response).orElseThrow(() -> new AssertionError("no article in " + response));
        assertSafe(article);
        assertThat(article.images()).as("the crawl's image list").isEqualTo(ImageFinder.find(response));
        assertThat(Jsoup.parseBodyFragment(article.bodyHtml()).select("img").eachAttr("src"))
                .as("body images are listed images").isSubsetOf(article.images().stream().map(i -> i.url().toString()).toList());
        return article;
    }

    static void assertSafe(Article article) {
        assertThat(article.bodyHtml())
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("=\"data:");
        assertThat(EVENT_ATTRIBUTE.matcher(article.bodyHtml()).find()).as("on* attribute in %s", article.bodyHtml()).isFalse();
        assertStructurallySafe(article);
    }

    /** The parsed body has no active elements or attributes (text may still mention them, as garbled pages do). */
    static void assertStructurallySafe(Article article) {
        var body = Jsoup.parseBodyFragment(article.bodyHtml()).body();
        assertThat(body.select("script, style, iframe, form, input, object, embed, svg, noscript")).isEmpty();
        for (var el : body.getAllElements()) {
            for (var attribute : el.attributes()) {
                assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style");
                assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT))
                        .doesNotStartWith("javascript:").doesNotStartWith("data:");
            }
        }
    }
}
