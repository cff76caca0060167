package io.linkshelf.crawl;

import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.warc.Capture;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Captures one image URL for every article that shows it, without a Referer (both CDNs refuse foreign ones). */
final class ImageJob {

    private final RunContext run;

    ImageJob(RunContext run) {
        this.run = run;
    }

    int capture(URI url) throws IOException, InterruptedException {
        String host = PoliteFetch.hostOf(url);
        List<String> owners = run.queue().ownersOf(url.toString());
        if (run.scheduler().isStopped(host)) {
            return 0;
        }
        boolean privateAllowed = privateAllowed(owners);
        RobotsRules robots = run.robots().rulesFor(url, privateAllowed);
        if (run.options().robots() == RobotsMode.OBEY && !robots.allows(url)) {
            settle(url, new ImageCapture(url.toString(), ImageOutcome.FAILED, "robots.txt of " + host + " disallows it",
                    Optional.empty(), Optional.empty()));
            return 0;
        }
        FetchRequest request = FetchRequest.image(url).withPrivateAddressAllowed(privateAllowed);
        Optional<PoliteFetch.Fetched> fetched = run.fetch().fetch(request);
        if (fetched.isEmpty()) {
            return 0;
        }
        try (FetchResult result = fetched.get().result()) {
            Optional<Capture> record = run.fetch().recordLast(result);
            if (result.failure().isPresent() && result.failure().get().unreachable().isPresent()) {
                return 0; // the CDN could not be reached: not the image's fault, it stays pending for the next run
            }
            ImageCapture image;
            if (result.failure().isPresent()) {
                FetchResult.Failure failure = result.failure().get();
                ImageOutcome outcome = failure.cause() == FetchResult.Cause.TOO_LARGE ? ImageOutcome.TOO_LARGE : ImageOutcome.FAILED;
                image = new ImageCapture(url.toString(), outcome, failure.reason(), Optional.empty(), Optional.empty());
            } else if (result.status() == 200 && record.isPresent()) {
                run.history().rememberImage(url.toString(), record.get());
                image = new ImageCapture(url.toString(), ImageOutcome.OK, "", record, Optional.of((long) result.body().length));
            } else {
                image = new ImageCapture(url.toString(), ImageOutcome.FAILED, "HTTP " + result.status(), Optional.empty(),
                        Optional.empty());
            }
            settle(url, image);
            return result.isComplete() ? result.status() : 0;
        }
    }

    /**
     * Images on loopback or private addresses are refused unless the article showing them is itself
     * on such a host (a local test site, an intranet wiki) or the user allowed it.
     */
    private boolean privateAllowed(List<String> owners) {
        if (run.options().allowPrivateNetworks()) {
            return true;
        }
        for (String key : owners) {
            Optional<ManifestEntry> entry = run.ledger().entry(key);
            if (entry.isPresent() && NetworkPolicy.isNonPublicHost(URI.create(entry.get().seedUrl()))) {
                return true;
            }
        }
        return false;
    }

    /** Gives every article showing the image its result; articles asking later get it from the queue. */
    private void settle(URI url, ImageCapture image) throws IOException {
        for (String key : run.queue().settle(url.toString(), image)) {
            run.ledger().update(key, e -> e.withImage(image));
        }
    }
}
