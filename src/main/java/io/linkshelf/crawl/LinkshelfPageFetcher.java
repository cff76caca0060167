package io.linkshelf.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import edu.uci.ics.crawler4j.PolitenessServer;
import edu.uci.ics.crawler4j.crawler.CrawlConfig;
import edu.uci.ics.crawler4j.fetcher.PageFetchResult;
import edu.uci.ics.crawler4j.fetcher.PageFetcher;
import edu.uci.ics.crawler4j.url.WebURL;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Objects;
import java.util.function.Function;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * crawler4j's page fetcher with linkshelf's {@link HttpFetcher} behind it. crawler4j's own fetcher trusts
 * every certificate, follows no redirects we could record, and sleeps for its own politeness; this one
 * shuts crawler4j's client down as soon as it is built and sends every fetch through ours.
 *
 * <p>Redirects are already followed, so {@code movedToUrl} stays null and {@code fetchedUrl} is the final
 * URL. A fetch that failed (network, timeout, too large, ...) is returned with status code 0 and an empty
 * entity, so crawler4j never parses a partial body; the details are in {@link Result#fetchResult()}.
 */
public final class LinkshelfPageFetcher extends PageFetcher {

    private final HttpFetcher fetcher;
    private final Function<WebURL, FetchRequest> requests;

    /**
     * @param fetcher our client; closed by {@link #shutDown()}
     * @param requests builds the request for a URL (kind, Referer, conditional headers, whether it may
     *     reach private addresses); the crawler knows which URLs are seeds
     */
    public LinkshelfPageFetcher(CrawlConfig config, HttpFetcher fetcher, Function<WebURL, FetchRequest> requests)
            throws GeneralSecurityException {
        super(config, new BasicURLNormalizer(), url -> PolitenessServer.NO_POLITENESS_APPLIED);
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.requests = Objects.requireNonNull(requests, "requests");
        // crawler4j's constructor built a trust-all client and started an idle-connection thread; neither is used.
        super.shutDown();
        httpClient.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }

    /** A fetcher that fetches every URL as a page on a public address. */
    public LinkshelfPageFetcher(CrawlConfig config, HttpFetcher fetcher) throws GeneralSecurityException {
        this(config, fetcher, url -> FetchRequest.page(URI.create(url.getURL())));
    }

    @Override
    public Result fetchPage(WebURL webUrl) throws IOException {
        FetchRequest request;
        try {
            request = requests.apply(webUrl);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot fetch " + webUrl.getURL() + ": " + e.getMessage(), e);
        }
        FetchResult result = fetcher.fetch(request);
        return new Result(config.isHaltOnError(), result);
    }

    @Override
    public synchronized void shutDown() {
        super.shutDown();
        fetcher.close();
    }

    /** crawler4j's view of a {@link FetchResult}; closing it closes the FetchResult and its spools. */
    public static final class Result extends PageFetchResult {

        private final FetchResult fetchResult;

        Result(boolean haltOnError, FetchResult fetchResult) {
            super(haltOnError);
            this.fetchResult = fetchResult;
            setFetchedUrl(fetchResult.finalUri().toString());
            setStatusCode(fetchResult.isComplete() ? fetchResult.status() : 0);
            setResponseHeaders(fetchResult.lastExchange()
                    .map(e -> e.headers().stream().map(h -> new BasicHeader(h.getKey(), h.getValue())).toArray(Header[]::new))
                    .orElse(new Header[0]));
            setEntity(new ByteArrayEntity(fetchResult.body(), contentType(fetchResult)));
        }

        public FetchResult fetchResult() {
            return fetchResult;
        }

        private static ContentType contentType(FetchResult result) {
            try {
                return result.contentType().map(ContentType::parseLenient).orElse(ContentType.APPLICATION_OCTET_STREAM);
            } catch (RuntimeException e) {
                return ContentType.APPLICATION_OCTET_STREAM;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // crawler4j's close only releases the in-memory entity; nothing to report
            } finally {
                fetchResult.close();
            }
        }
    }
}
