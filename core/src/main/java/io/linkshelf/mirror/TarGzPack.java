package io.linkshelf.mirror;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes the offline site as a gzip-compressed POSIX tar file with neutral owners and fixed modes. */
final class TarGzPack {

    private TarGzPack() {
    }

    static void write(List<PackEntries.Entry> entries, Instant time, Path target, PackReadHook hook)
            throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationInstant(time); // the gzip header has a time too; left at "now" it would vary per run
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING));
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (PackEntries.Entry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name(),
                        entry.directory() ? TarArchiveEntry.LF_DIR : TarArchiveEntry.LF_NORMAL);
                if (entry.directory()) {
                    tarEntry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE);
                } else {
                    tarEntry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
                    tarEntry.setSize(entry.size());
                }
                tarEntry.setModTime(FileTime.from(time));
                tarEntry.setUserId(0);
                tarEntry.setGroupId(0);
                tarEntry.setUserName("");
                tarEntry.setGroupName("");
                tar.putArchiveEntry(tarEntry);
                if (!entry.directory()) {
                    PackFiles.copy(entry.file(), entry.size(), tar, Optional.empty(), target, hook);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }
}
