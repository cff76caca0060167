package io.linkshelf.mirror;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of pack {@code linkshelf mirror --pack} writes to {@code archive/packs}. */
public enum PackFormat {
    /** The offline site as a ZIP file. */
    ZIP("zip"),
    /** The offline site as a gzip-compressed tar file. */
    TAR_GZ("tar.gz"),
    /** The raw captures as a Webrecorder WACZ 1.1.1 file, for ReplayWeb.page and pywb. */
    WACZ("wacz");

    private final String label;

    PackFormat(String label) {
        this.label = label;
    }

    /** The name used on the command line, which is also the file extension, e.g. {@code tar.gz}. */
    public String label() {
        return label;
    }

    /** The format with this label, ignoring case and surrounding blanks. */
    public static PackFormat fromLabel(String label) {
        String wanted = label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.label.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown pack format '" + label.strip() + "' (valid: " + validLabels() + ")"));
    }

    /** The formats of a comma-separated list such as {@code zip,wacz}, in enum order; repeats count once. */
    public static Set<PackFormat> parseList(String commaSeparated) {
        if (commaSeparated.isBlank()) {
            throw new IllegalArgumentException("no pack format given (valid: " + validLabels() + ")");
        }
        Set<PackFormat> formats = EnumSet.noneOf(PackFormat.class);
        for (String item : commaSeparated.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("empty pack format in '" + commaSeparated + "' (valid: "
                        + validLabels() + ")");
            }
            formats.add(fromLabel(item));
        }
        return Collections.unmodifiableSet(formats);
    }

    private static String validLabels() {
        return Arrays.stream(values()).map(PackFormat::label).collect(Collectors.joining(", "));
    }
}
