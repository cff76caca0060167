package io.linkshelf.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What one export did.
 *
 * @param format the format written
 * @param dir the directory holding the export ({@code <out>/epub} or {@code <out>/md})
 * @param files the books (EPUB) or author indexes (Markdown) the export holds, in list order
 * @param filesWritten how many books or note files were written in this run (0 when nothing changed)
 * @param articles captured articles exported
 * @param rendered articles rendered in this run
 * @param unchanged articles left as they were
 * @param missing articles never captured (listed as missing, no text)
 * @param deleted articles deleted at the source, exported from their last good copy
 * @param images image files embedded or copied (each once per book or note)
 * @param missingImages images shown as alt text because the archive holds no copy
 * @param bytes the size of everything the export directory holds
 */
public record ExportSummary(ExportOptions.Format format, Path dir, List<Path> files, int filesWritten, int articles,
        int rendered, int unchanged, int missing, int deleted, int images, int missingImages, long bytes) {

    public ExportSummary {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(dir, "dir");
        files = List.copyOf(files);
    }
}
