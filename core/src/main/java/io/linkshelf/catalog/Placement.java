package io.linkshelf.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a link sits in the seed list: its author section and, if any, the sub-section inside it.
 *
 * @param author the author section's short name, e.g. {@code 石塔西}
 * @param subsection the {@code ##} heading the link sits under, if any
 */
public record Placement(String author, Optional<String> subsection) {

    public Placement {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(subsection, "subsection");
    }
}
