package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Zhihu articles, answers and columns: {@link ZhihuPages}, {@link ZhihuArticles} and {@link ZhihuColumns}. */
final class ZhihuReader implements PlatformReader {

    private static final Pattern MARKERS = Pattern.compile(
            "id=[\"']?js-initialData\\b|\\bPost-RichText\\b|zh-zse-ck|static\\.zhihu\\.com/zse-ck"
                    + "|static\\.zhihu\\.com/heifetz|\"code\"\\s*:\\s*(?:40362|40352|10003)\\b");
    private static final String NOT_FOUND = "你似乎来到了没有知识存在的荒原";

    @Override
    public Platform platform() {
        return Platform.ZHIHU;
    }

    @Override
    public boolean recognises(String ascii, byte[] body) {
        return MARKERS.matcher(ascii).find() || new String(body, StandardCharsets.UTF_8).contains(NOT_FOUND);
    }

    @Override
    public PageVerdict classify(Page page) {
        return ZhihuPages.classify(page);
    }

    @Override
    public Optional<Article> article(Page page, PageState state) {
        // A column page has no article body, so it is classified empty; it still lists articles.
        boolean columnCandidate = state == PageState.EMPTY || state == PageState.OK;
        return columnCandidate ? ZhihuArticles.extract(page, state == PageState.OK) : Optional.empty();
    }

    @Override
    public List<ImageRef> images(Page page) {
        return ZhihuPages.images(page);
    }
}
