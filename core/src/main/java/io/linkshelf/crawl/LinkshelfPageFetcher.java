package io.linkshelf.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * crawler4j's page fetcher, replaced. crawler4j's own trusts every certificate, follows redirects
 * we could not record and sleeps for one global politeness delay; this one shuts crawler4j's client
 * down as soon as it is built and hands each URL to linkshelf's capture pipeline, which waits for
 * the host's turn, fetches with {@link HttpFetcher}, records WARC and settles the outcome.
 *
 * <p>crawler4j then sees every URL as handled with "204 No Content": it has nothing left to parse,
 * and links are never followed. The outcome of each URL lives in the snapshot manifest.
 */
final class LinkshelfPageFetcher extends PageFetcher {

    static final int HANDLED = 204;

    private final UrlCapture capture;

    LinkshelfPageFetcher(CrawlConfig config, UrlCapture capture) throws GeneralSecurityException {
        super(config, new BasicURLNormalizer(), url -> PolitenessServer.NO_POLITENESS_APPLIED);
        this.capture = Objects.requireNonNull(capture, "capture");
        // crawler4j's constructor built a trust-all client and started an idle-connection thread; neither is used.
        super.shutDown();
        httpClient.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }

    @Override
    public PageFetchResult fetchPage(WebURL webUrl) throws InterruptedException, IOException {
        capture.capture(webUrl);
        PageFetchResult result = new PageFetchResult(config.isHaltOnError());
        result.setFetchedUrl(webUrl.getURL());
        result.setStatusCode(HANDLED);
        result.setResponseHeaders(new Header[0]);
        result.setEntity(new ByteArrayEntity(new byte[0], ContentType.APPLICATION_OCTET_STREAM));
        return result;
    }

    /** The capture pipeline behind the fetcher: one method, called on crawler4j's worker threads. */
    @FunctionalInterface
    interface UrlCapture {
        void capture(WebURL url) throws InterruptedException, IOException;
    }
}
