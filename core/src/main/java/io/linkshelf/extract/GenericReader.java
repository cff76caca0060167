package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.List;
import java.util.Optional;

/** Any other site: the main content of the page ({@link GenericPages}, {@link GenericArticles}). */
final class GenericReader implements PlatformReader {

    @Override
    public Platform platform() {
        return Platform.OTHER;
    }

    @Override
    public boolean recognises(String ascii, byte[] body) {
        return true;
    }

    @Override
    public PageVerdict classify(Page page) {
        return GenericPages.classify(page);
    }

    @Override
    public Optional<Article> article(Page page, PageState state) {
        return state == PageState.OK ? GenericArticles.extract(page) : Optional.empty();
    }

    @Override
    public List<ImageRef> images(Page page) {
        return GenericPages.images(page);
    }
}
