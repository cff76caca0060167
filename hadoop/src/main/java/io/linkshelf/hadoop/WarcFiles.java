package io.linkshelf.hadoop;

import io.linkshelf.snapshot.ArchiveLayout;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathFilter;

/**
 * The input: the archive's finished WARC files. linkshelf writes {@code <name>.warc.gz}; a file of any other name
 * in {@code warc/} (a repair's moved-aside original, a partial copy) is not read.
 */
final class WarcFiles implements PathFilter {

    static final String SUFFIX = ".warc.gz";

    /** The WARC directory of an archive. */
    static Path dir(Path archive) {
        return new Path(archive, ArchiveLayout.relative().warc().toString());
    }

    @Override
    public boolean accept(Path path) {
        return path.getName().endsWith(SUFFIX);
    }
}
