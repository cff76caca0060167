package io.linkshelf.crawl;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How linkshelf treats one host: the gap between requests, its jitter, the page budget per rolling
 * 24 hours, and whether a Referer may be sent.
 *
 * @param hostPattern an exact host name or {@code *.suffix}; {@code *} matches every host
 * @param delay the base gap between two request starts on the host
 * @param jitter the fraction (0 to 1) by which each gap varies either way, e.g. 0.3 for ±30 %
 * @param pageBudget article pages fetched from the host per rolling 24 hours (shared by all runs), after
 *     which its entries stay pending
 * @param imageHost whether the host is an image CDN (no Referer, images treated as immutable)
 */
public record SiteProfile(String hostPattern, Duration delay, double jitter, OptionalInt pageBudget, boolean imageHost) {

    public SiteProfile {
        Objects.requireNonNull(hostPattern, "hostPattern");
        hostPattern = hostPattern.toLowerCase(Locale.ROOT);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (pageBudget.isPresent() && pageBudget.getAsInt() < 0) {
            throw new IllegalArgumentException("page budget must not be negative: " + pageBudget.getAsInt());
        }
    }

    /** Whether this profile applies to the host. */
    public boolean matches(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (hostPattern.equals("*")) {
            return true;
        }
        if (hostPattern.startsWith("*.")) {
            String suffix = hostPattern.substring(1);
            return h.endsWith(suffix) || h.equals(hostPattern.substring(2));
        }
        return h.equals(hostPattern);
    }

    public SiteProfile withDelay(Duration newDelay) {
        return new SiteProfile(hostPattern, newDelay, jitter, pageBudget, imageHost);
    }

    public SiteProfile withBudget(OptionalInt newBudget) {
        return new SiteProfile(hostPattern, delay, jitter, newBudget, imageHost);
    }
}
