package io.linkshelf.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to export and where.
 *
 * @param archive the archive root (its manifests and WARC files are the only input)
 * @param out the exports root; books go to {@code <out>/epub}, notes to {@code <out>/md}
 * @param format EPUB books or Markdown notes
 * @param by how EPUB books are cut: one per author section, per sub-section, or one for everything
 * @param only keep articles whose title, author section, sub-section or URL this finds (case-insensitive)
 * @param author keep only the author section whose name contains this (case-insensitive)
 */
public record ExportOptions(Path archive, Path out, Format format, Grouping by, Optional<Pattern> only, Optional<String> author) {

    /** The two export formats. */
    public enum Format {
        EPUB("epub"),
        MD("md");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The format named {@code epub} or {@code md}; anything else is a usage error naming the choices. */
        public static Format parse(String text) {
            for (Format f : values()) {
                if (f.label.equals(text.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown format '" + text + "': use epub or md");
        }
    }

    /** How articles are gathered into books. */
    public enum Grouping {
        AUTHOR("author"),
        SECTION("section"),
        ALL("all");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Grouping parse(String text) {
            for (Grouping g : values()) {
                if (g.label.equals(text.toLowerCase(Locale.ROOT))) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown grouping '" + text + "': use author, section or all");
        }
    }

    public ExportOptions {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(only, "only");
        Objects.requireNonNull(author, "author");
    }

    /** Whether the whole list is exported, so files of articles no longer in it may be removed. */
    boolean whole() {
        return only.isEmpty() && author.isEmpty();
    }
}
