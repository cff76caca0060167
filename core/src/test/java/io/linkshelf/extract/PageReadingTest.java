package io.linkshelf.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.catalog.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageReadingTest {

    @Test
    void oneReadingOfAPageSaysWhatClassifyExtractAndFindImagesSayApart() {
        for (PageResponse page : List.of(Fixtures.page(Fixtures.WECHAT_ARTICLE, "wechat/article-ok.html"),
                Fixtures.page(Fixtures.WECHAT_ARTICLE, "wechat/deleted.html"),
                Fixtures.page(Fixtures.WECHAT_ARTICLE, "wechat/image-post.html"),
                Fixtures.page(Fixtures.ZHIHU_ARTICLE, "zhihu/article-ok.html"),
                Fixtures.page("https://zhuanlan.zhihu.com/c_1234", "zhihu/column.html"),
                Fixtures.page("https://blog.example/post", "generic/article-ok.html"))) {
            ArticleExtractor.Reading reading = ArticleExtractor.read(page);

            assertThat(reading.verdict()).as(page.toString()).isEqualTo(PageClassifier.classify(page));
            assertThat(reading.article()).as(page.toString()).isEqualTo(ArticleExtractor.extract(page));
            assertThat(reading.images()).as(page.toString()).isEqualTo(ImageFinder.find(page));
        }
    }

    @Test
    void aPageIsReadByTheReaderOfThePlatformItsUrlOrMarkersName() {
        assertThat(ArticleExtractor.read(Fixtures.page(Fixtures.WECHAT_ARTICLE, "wechat/article-ok.html")).verdict().platform())
                .isEqualTo(Platform.WECHAT);
        assertThat(ArticleExtractor.read(Fixtures.page("http://127.0.0.1:1/p/1", "zhihu/article-ok.html")).verdict().platform())
                .isEqualTo(Platform.ZHIHU);
    }
}
