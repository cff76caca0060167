package io.linkshelf.cli;

import java.util.Locale;

/** Sizes in the closing summaries of the derived views: bytes, then KiB, then MiB with one decimal. */
final class ByteSize {

    private ByteSize() {}

    static String of(long bytes) {
        if (bytes < 10_000) {
            return bytes + " bytes";
        }
        if (bytes < 10_000_000) {
            return (bytes + 512) / 1024 + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
