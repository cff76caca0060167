package io.linkshelf.testing;

import java.util.Objects;

/** One HTTP header field as it appears on the wire; names keep their case, lookups elsewhere ignore it. */
public record Header(String name, String value) {

    /** Validates that the field can be written on one line. */
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c == ':' || c >= 0x7f)) {
            throw new IllegalArgumentException("invalid header name: '" + name + "'");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value of " + name + " contains a line break");
        }
    }

    /** True if this header has the given name, ignoring case. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }
}
