package io.linkshelf.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What became of one image of an article in one snapshot. */
public enum ImageOutcome {
    OK("ok"),
    /** Already archived with status 200 in an earlier capture; not fetched again. */
    CACHED("cached"),
    FAILED("failed"),
    TOO_LARGE("too-large"),
    /** Not reached in this run; the next run continues. */
    PENDING("pending");

    private final String label;

    ImageOutcome(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    @JsonCreator
    public static ImageOutcome fromLabel(String label) {
        return Arrays.stream(values())
                .filter(o -> o.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown image outcome '" + label + "'"));
    }
}
