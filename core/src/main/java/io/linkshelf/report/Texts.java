package io.linkshelf.report;

import java.time.Duration;

/** Small wording helpers shared by the renderers. */
final class Texts {

    private Texts() {}

    /** An instant to the second, in UTC: 2026-11-29T03:17:00Z. */
    static String instant(java.time.Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** A duration the way people say it: 42s, 3m05s, 2h07m. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + String.format(java.util.Locale.ROOT, "%02d", s % 60) + "s";
        }
        return s / 3600 + "h" + String.format(java.util.Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
}
