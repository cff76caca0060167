package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.ZHIHU_ARTICLE;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZhihuImageFinderTest {
    private static final String H1 = "v2-5f3a8e1c2b7d4e6f9a0b1c2d3e4f5a6b";
    private static final String H2 = "v2-0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4";
    private static final String EQUATION =
            "https://www.zhihu.com/equation?tex=%5Cmathrm%7BNDCG%7D%40k%3D%5Cfrac%7BDCG%40k%7D%7BIDCG%40k%7D";

    @Test
    void findsOneImagePerFigurePlusEquationsDedupedByHash() {
        List<ImageRef> images = ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-ok.html"));

        assertThat(images).extracting(ImageRef::key).containsExactly(H1, H2, EQUATION);
    }

    @Test
    void prefersDataOriginalOverThePlaceholderAndTheNoscriptCopy() {
        ImageRef first = ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-ok.html")).get(0);

        assertThat(first.url()).isEqualTo(URI.create("https://pic1.zhimg.com/" + H1 + "_r.jpg"));
        assertThat(first.alt()).isEqualTo("三种范式的损失函数对比");
    }

    @Test
    void fallsBackToTheNoscriptImageAndUpgradesZhimgToHttps() {
        ImageRef second = ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-ok.html")).get(1);

        assertThat(second.url()).isEqualTo(URI.create("https://pic2.zhimg.com/" + H2 + "_hd.png"));
    }

    @Test
    void equationImagesKeepTheirTexUrlAndLatexAlt() {
        ImageRef equation = ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-ok.html")).get(2);

        assertThat(equation.url()).isEqualTo(URI.create(EQUATION));
        assertThat(equation.alt()).isEqualTo("\\mathrm{NDCG}@k=\\frac{DCG@k}{IDCG@k}");
    }

    @Test
    void authorAvatarOutsideTheBodyIsIgnored() {
        assertThat(ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-ok.html")))
                .extracting(ImageRef::key).doesNotContain("v2-a1b2c3d4e5f60718293a4b5c6d7e8f90");
    }

    @Test
    void initialDataBodyGivesTheApiShapedImages() {
        List<ImageRef> images = ImageFinder.find(page(ZHIHU_ARTICLE, "zhihu/article-initialdata-only.html"));

        assertThat(images).extracting(i -> i.url().toString())
                .containsExactly("https://picx.zhimg.com/" + H1 + "_r.jpg?source=d16d100b", EQUATION);
    }

    @Test
    void apiJsonContentGivesItsImages() {
        String json = "{\"id\":668845713,\"title\":\"排序学习\",\"content\":\"<p>图：</p><figure><img src=\\\"https://pic3.zhimg.com/"
                + H2 + "_720w.jpg\\\" data-original=\\\"https://pic3.zhimg.com/" + H2 + "_r.jpg\\\"/></figure>\"}";
        var response = Fixtures.response("https://www.zhihu.com/api/v4/articles/668845713", 200, "application/json",
                json.getBytes(StandardCharsets.UTF_8));

        assertThat(ImageFinder.find(response)).extracting(i -> i.url().toString())
                .containsExactly("https://pic3.zhimg.com/" + H2 + "_r.jpg");
        assertThat(PageClassifier.classify(response).state()).isEqualTo(PageState.OK);
    }
}
