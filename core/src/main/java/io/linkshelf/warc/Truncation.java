package io.linkshelf.warc;

import org.netpreserve.jwarc.WarcTruncationReason;

/** Why a response was stored incomplete; written as the WARC-Truncated field of the response record. */
public enum Truncation {
    /** The response exceeded the size limit. */
    LENGTH(WarcTruncationReason.LENGTH),
    /** The response took longer than the time limit. */
    TIME(WarcTruncationReason.TIME),
    /** The server or network closed the connection before the response was complete. */
    DISCONNECT(WarcTruncationReason.DISCONNECT),
    /** Incomplete for another reason. */
    UNSPECIFIED(WarcTruncationReason.UNSPECIFIED);

    private final WarcTruncationReason warcReason;

    Truncation(WarcTruncationReason warcReason) {
        this.warcReason = warcReason;
    }

    WarcTruncationReason warcReason() {
        return warcReason;
    }

    static java.util.Optional<Truncation> of(WarcTruncationReason reason) {
        for (Truncation t : values()) {
            if (t.warcReason == reason) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }
}
