package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Everything linkshelf knows about one platform's pages: how to recognise one served from an unknown
 * host, what state a page is in, the article it holds and the images it shows. A new site is one more
 * implementation listed in {@link PlatformReaders}.
 */
interface PlatformReader {

    Platform platform();

    /** Whether the page's markers say it is this platform's (the URL said nothing); {@code ascii} is the body as Latin-1. */
    boolean recognises(String ascii, byte[] body);

    /** What the page is. Never throws on odd bodies: those become NOT_HTML, EMPTY or a verdict with a reason. */
    PageVerdict classify(Page page);

    /** The article the page holds, given the state {@link #classify} found; empty when it holds none. */
    Optional<Article> article(Page page, PageState state);

    /** The images of the article body, in body order, deduped, as absolute http(s) URLs. */
    List<ImageRef> images(Page page);
}
