package io.linkshelf.extract;

import static io.linkshelf.extract.Fixtures.WECHAT_ARTICLE;
import static io.linkshelf.extract.Fixtures.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WechatImageFinderTest {
    private static final String ARCH = "Z6bicxIx5naLicl7kG5zDn0ibqX7cIBXy2gC1A7SVLG4Ric3Ww4bGNGkW8FNFdvibc0ib";
    private static final String COVER = "Z6bicxIx5naKQ0cvLicGibkPnEoXTqJqDmCy4d8VibFh2qWz0nQ6hJv1AicXib8Q";
    private static final String GIF = "Q3auHgzwzM4fBdEk6pA0rGmUa9Hq2kJQicYib5rYFnX1XgicG8TgTq3ib3Q";
    private static final String OTHER = "Z6bicxIx5naJcWlFz9pR2oQ8vXyKkM5Dn3T1bGfHcaE7hOiaVwYqu4Pg";

    private final List<ImageRef> images = ImageFinder.find(page(WECHAT_ARTICLE, "wechat/article-ok.html"));

    @Test
    void findsBodyImagesInOrderOnePerMediaId() {
        assertThat(images).extracting(ImageRef::key).containsExactly(ARCH, COVER, GIF, OTHER);
    }

    @Test
    void keepsTheFirstUrlOfAMediaIdAndDecodesAmpersands() {
        assertThat(images.get(0).url()).isEqualTo(URI.create("https://mmbiz.qpic.cn/mmbiz_png/" + ARCH
                + "/640?wx_fmt=png&from=appmsg&wxfrom=5&wx_lazy=1&tp=webp"));
        assertThat(images.get(0).alt()).isEqualTo("多目标排序整体架构图");
    }

    @Test
    void resolvesProtocolRelativeDataSrcToHttps() {
        assertThat(images.get(1).url()).isEqualTo(URI.create("https://mmbiz.qpic.cn/mmbiz_jpg/" + COVER + "/640?wx_fmt=jpeg"));
    }

    @Test
    void readsQuotedBackgroundImagesAndUpgradesTheCdnToHttps() {
        assertThat(images.get(2).url())
                .isEqualTo(URI.create("https://mmbiz.qpic.cn/sz_mmbiz_gif/" + GIF + "/640?wx_fmt=gif"));
    }

    @Test
    void takesSrcWhenThereIsNoDataSrc() {
        assertThat(images.get(3).url()).isEqualTo(URI.create("https://mmbiz.qpic.cn/mmbiz_jpg/" + OTHER + "/640?wx_fmt=other"));
    }

    @Test
    void skipsAvatarsPlaceholdersTheDuplicateBodyCopyAndChromeOutsideTheBody() {
        assertThat(images).extracting(i -> i.url().toString())
                .noneMatch(u -> u.contains("qlogo.cn"))
                .noneMatch(u -> u.startsWith("data:"))
                .noneMatch(u -> u.contains("ShareCardCopyNotTheBody"))
                .noneMatch(u -> u.contains("ProfileHeadImgOutsideTheBody"))
                .noneMatch(u -> u.contains("/mp/qrcode"));
    }

    @Test
    void imagePostImagesComeFromThePictureList() {
        List<ImageRef> pictures = ImageFinder.find(page(WECHAT_ARTICLE, "wechat/image-post.html"));

        assertThat(pictures).extracting(i -> i.url().toString()).containsExactly(
                "https://mmbiz.qpic.cn/sz_mmbiz_jpg/Q3auHgzwzM7gYv3XbB1Z8rCk2HcQpD8WfJmUyT0sE9iaN4bLkPqRn5A/0?wx_fmt=jpeg&from=appmsg",
                "https://mmbiz.qpic.cn/sz_mmbiz_png/Q3auHgzwzM7Xk2pLcR9mBvTq4HsWn6YdEeF1aG3hJ5iKoP7uQwS8tA/0?wx_fmt=png&from=appmsg",
                "https://mmbiz.qpic.cn/sz_mmbiz_jpg/Q3auHgzwzM4Lm8Nz0Rb2Sc4Td6Ue8Vf0Wg2Xh4Yi6Zj8Ak0Bl2Cm4D/0?wx_fmt=jpeg&from=appmsg");
    }

    @Test
    void blockedAndDeletedPagesHaveNoImages() {
        assertThat(ImageFinder.find(page(WECHAT_ARTICLE, "wechat/captcha.html"))).isEmpty();
        assertThat(ImageFinder.find(page(WECHAT_ARTICLE, "wechat/deleted.html"))).isEmpty();
    }
}
