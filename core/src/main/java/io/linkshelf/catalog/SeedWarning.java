package io.linkshelf.catalog;

import java.util.Objects;

/**
 * Something in the seed list the user may want to mend; parsing carried on past it.
 *
 * @param line the 1-based line number in the seed file, or 0 when the warning is about the whole file
 * @param message what is wrong, naming the offending text
 */
public record SeedWarning(int line, String message) {

    public SeedWarning {
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
        Objects.requireNonNull(message, "message");
    }
}
