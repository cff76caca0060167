package io.linkshelf.snapshot;

import io.linkshelf.catalog.Placement;
import io.linkshelf.extract.Article;
import io.linkshelf.warc.Capture;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One catalog entry in one snapshot: what was fetched, what became of it, and where it is stored.
 *
 * @param key the article key
 * @param seedUrl the URL fetched first
 * @param finalUrl the URL after redirects, when something was fetched
 * @param sections the author sections (and sub-sections) the seed list places it in
 * @param seedTitle the title the seed list gives it
 * @param outcome the outcome class
 * @param reason why, in words a user understands (empty for a plain ok)
 * @param httpStatus the final HTTP status, when a response came
 * @param capture the record this snapshot wrote for the page's final response (response or revisit)
 * @param content the response record that holds the article's content: the capture itself for ok,
 *     the earlier response a revisit refers to for unchanged; for deleted or blocked, the last good one
 * @param validators ETag / Last-Modified of the page's last good response, for conditional requests
 * @param article what the extractor read from the page
 * @param images the images the page shows
 * @param attempts how many requests this snapshot spent on the page
 */
public record ManifestEntry(
        String key,
        String seedUrl,
        Optional<String> finalUrl,
        List<Placement> sections,
        String seedTitle,
        Outcome outcome,
        String reason,
        Optional<Integer> httpStatus,
        Optional<Capture> capture,
        Optional<Capture> content,
        Validators validators,
        ArticleFacts article,
        List<ImageCapture> images,
        int attempts) {

    public ManifestEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(seedUrl, "seedUrl");
        Objects.requireNonNull(finalUrl, "finalUrl");
        sections = List.copyOf(sections);
        Objects.requireNonNull(seedTitle, "seedTitle");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(validators, "validators");
        Objects.requireNonNull(article, "article");
        images = List.copyOf(images);
    }

    /** A fresh entry nobody has tried yet in this snapshot. */
    public static ManifestEntry pending(String key, String seedUrl, List<Placement> sections, String seedTitle) {
        return new ManifestEntry(key, seedUrl, Optional.empty(), sections, seedTitle, Outcome.PENDING, "not reached yet",
                Optional.empty(), Optional.empty(), Optional.empty(), Validators.NONE, ArticleFacts.NONE, List.of(), 0);
    }

    public ManifestEntry withOutcome(Outcome newOutcome, String newReason) {
        return new ManifestEntry(key, seedUrl, finalUrl, sections, seedTitle, newOutcome, newReason, httpStatus, capture,
                content, validators, article, images, attempts);
    }

    /** The entry after a fetch of its page: everything but its key, seed facts and images. */
    public ManifestEntry withPage(Outcome newOutcome, String newReason, Optional<String> newFinalUrl,
            Optional<Integer> newStatus, Optional<Capture> newCapture, Optional<Capture> newContent,
            Validators newValidators, ArticleFacts newArticle, int newAttempts) {
        return new ManifestEntry(key, seedUrl, newFinalUrl, sections, seedTitle, newOutcome, newReason, newStatus,
                newCapture, newContent, newValidators, newArticle, images, newAttempts);
    }

    public ManifestEntry withImages(List<ImageCapture> newImages) {
        return new ManifestEntry(key, seedUrl, finalUrl, sections, seedTitle, outcome, reason, httpStatus, capture,
                content, validators, article, newImages, attempts);
    }

    /** The entry with one image's result replaced (matched by URL); other images stay as they are. */
    public ManifestEntry withImage(ImageCapture image) {
        return withImages(images.stream().map(i -> i.url().equals(image.url()) ? image : i).toList());
    }

    /** Validators of a page's last good response, sent back as If-None-Match / If-Modified-Since. */
    public record Validators(Optional<String> etag, Optional<String> lastModified) {
        public static final Validators NONE = new Validators(Optional.empty(), Optional.empty());

        public Validators {
            Objects.requireNonNull(etag, "etag");
            Objects.requireNonNull(lastModified, "lastModified");
        }
    }

    /** What the extractor read from the page: title, author or account, publish time (ISO-8601). */
    public record ArticleFacts(Optional<String> title, Optional<String> author, Optional<String> published) {
        public static final ArticleFacts NONE = new ArticleFacts(Optional.empty(), Optional.empty(), Optional.empty());

        public ArticleFacts {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(author, "author");
            Objects.requireNonNull(published, "published");
        }

        /** The facts of what the extractor read from a page, if it read an article. */
        public static ArticleFacts of(Optional<Article> article) {
            return new ArticleFacts(
                    article.map(Article::title).filter(t -> !t.isBlank()),
                    article.flatMap(Article::author),
                    article.flatMap(Article::published).map(Object::toString));
        }
    }
}
