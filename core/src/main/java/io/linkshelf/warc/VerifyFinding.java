package io.linkshelf.warc;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One problem {@code linkshelf verify} found, and where.
 *
 * @param kind what is wrong
 * @param file the WARC file, the CDXJ index or the manifest the problem is in
 * @param offset the byte offset of the record (gzip member) concerned, when there is one
 * @param message what is wrong, in words a user understands
 */
public record VerifyFinding(Kind kind, String file, OptionalLong offset, String message) {

    /** The kinds of damage. */
    public enum Kind {
        /** The file ends in a record cut short (a killed write); {@code --repair} truncates it. */
        TORN_TAIL,
        /** A record that cannot be decompressed or parsed, in the middle of a file. */
        CORRUPT_RECORD,
        /** A record whose block or payload does not match its declared digest or Content-Length. */
        DIGEST_MISMATCH,
        /** A response without its request record, or the other way round. */
        UNPAIRED,
        /** A CDXJ line that points at no record, or at one with another URL, digest or length. */
        INDEX_MISMATCH,
        /** A record a snapshot manifest names that no WARC file holds where it says. */
        MISSING_RECORD,
        /** A snapshot manifest that cannot be read at all. */
        UNREADABLE_MANIFEST
    }

    public VerifyFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(message, "message");
    }

    /** One line: {@code file at offset N: message}. */
    @Override
    public String toString() {
        return file + (offset.isPresent() ? " at offset " + offset.getAsLong() : "") + ": " + message;
    }
}
