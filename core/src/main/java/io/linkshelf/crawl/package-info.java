/**
 * Runs one snapshot: per-host politeness, the recording HTTP fetcher, robots.txt, retries and the outcome of
 * every catalog entry, written as a {@code snapshot} manifest. Only {@code cli} imports this package.
 */
@NullMarked
package io.linkshelf.crawl;

import org.jspecify.annotations.NullMarked;
