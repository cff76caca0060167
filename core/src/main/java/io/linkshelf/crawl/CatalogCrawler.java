package io.linkshelf.crawl;

import edu.uci.ics.crawler4j.crawler.Page;
import edu.uci.ics.crawler4j.crawler.WebCrawler;
import edu.uci.ics.crawler4j.url.WebURL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one crawler4j worker class: the capture already happened inside the page fetcher, so this
 * worker follows no links and has nothing to visit; it only keeps crawler4j's own reporting quiet.
 */
final class CatalogCrawler extends WebCrawler {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogCrawler.class);

    @Override
    public boolean shouldVisit(Page referringPage, WebURL url) {
        return false;
    }

    @Override
    public void visit(Page page) {
        // Nothing to do: the page was captured, classified and recorded by the fetcher.
    }

    @Override
    protected void onUnexpectedStatusCode(String url, int status, String contentType, String description) {
        // Every handled URL reports LinkshelfPageFetcher.HANDLED; its real outcome is in the manifest.
    }

    @Override
    protected void onContentFetchError(Page page, Exception e) {
        LOG.debug("crawler4j could not read the placeholder entity of {}", page.getWebURL().getURL(), e);
    }

    @Override
    protected void onUnhandledException(Page page, Throwable e) {
        LOG.warn("unexpected error while capturing {}: {}", page == null ? "?" : page.getWebURL().getURL(), e.toString(), e);
    }
}
