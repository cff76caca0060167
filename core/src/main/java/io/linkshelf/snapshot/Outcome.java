package io.linkshelf.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What became of one catalog entry in one snapshot (ARCHITECTURE.md, "Outcome classes"). */
public enum Outcome {
    /** New or changed content captured. */
    OK("ok", true),
    /** Same payload as the previous capture: a revisit record or a 304. */
    UNCHANGED("unchanged", true),
    /** The site says the article was removed; the last good copy is kept and flagged. */
    DELETED("deleted", true),
    /** Anti-bot page, captcha, 403 anti-crawl or login wall; never stored as content. */
    BLOCKED("blocked", true),
    /** Not reached in this run (budget spent, host stopped); the next run continues. */
    PENDING("pending", false),
    /** Disallowed by robots.txt under {@code --robots obey}. */
    ROBOTS("robots", true),
    /** HTTP 404 or 410, or the site's own not-found page. */
    NOT_FOUND("not-found", true),
    /** Network or server error after retries; the reason is kept. */
    FAILED("failed", true),
    /** Filtered out by the user ({@code --only}, {@code --limit}). */
    SKIPPED("skipped", true);

    private final String label;
    private final boolean settled;

    Outcome(String label, boolean settled) {
        this.label = label;
        this.settled = settled;
    }

    /** The name used in manifests, reports and on screen, e.g. {@code not-found}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Whether a resumed snapshot leaves this entry alone (everything but pending). */
    public boolean isSettled() {
        return settled;
    }

    /** Whether this outcome holds good content (a new capture or a revisit of one). */
    public boolean hasContent() {
        return this == OK || this == UNCHANGED;
    }

    @JsonCreator
    public static Outcome fromLabel(String label) {
        return Arrays.stream(values())
                .filter(o -> o.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outcome '" + label + "'"));
    }
}
