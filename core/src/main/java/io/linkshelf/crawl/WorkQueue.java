package io.linkshelf.crawl;

import io.linkshelf.snapshot.ImageCapture;
import java.net.URI;

/** Where capture jobs put the work they discover: images to fetch, pages to try once more. */
interface WorkQueue {

    /** Queues an image for fetching (once per run, however many articles show it). */
    void image(URI url, String ownerKey);

    /** Queues the page of an entry found during the run (an article of a listed column). */
    void page(String key, String url);

    /** Queues an article page for one more try after everything else of its host. */
    void lastTry(String key);

    /** The entries that show an image, in the order they asked for it. */
    java.util.List<String> ownersOf(String imageUrl);

    /**
     * Records an image's result and returns the entries showing it at that moment; an entry that
     * asks for the image later gets the result right away instead of waiting for a fetch.
     */
    java.util.List<String> settle(String imageUrl, ImageCapture result);
}
