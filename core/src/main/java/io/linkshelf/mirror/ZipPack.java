package io.linkshelf.mirror;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.UnrecognizedExtraField;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Writes the offline site as a ZIP file: UTF-8 names, files deflated unless already compressed. */
final class ZipPack {

    /** Formats that deflate cannot shrink; storing them saves time. */
    private static final Set<String> COMPRESSED = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "gz", "zip",
            "woff", "woff2", "mp4", "mp3");

    private ZipPack() {
    }

    static void write(List<PackEntries.Entry> entries, Instant time, Path target, PackReadHook hook)
            throws IOException {
        // A file channel is seekable, so commons-compress patches sizes and CRCs into the local headers afterwards
        // instead of reading each file twice; Zip64 extras appear only for entries or archives past 4 GiB.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            for (PackEntries.Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                stamp(zipEntry, time);
                if (entry.directory()) {
                    zipEntry.setUnixMode(UnixStat.DIR_FLAG | 0755);
                    zipEntry.setMethod(ZipArchiveEntry.STORED);
                    zipEntry.setSize(0);
                    zip.putArchiveEntry(zipEntry);
                } else {
                    zipEntry.setUnixMode(UnixStat.FILE_FLAG | 0644);
                    zipEntry.setMethod(isCompressed(entry.name()) ? ZipArchiveEntry.STORED : ZipArchiveEntry.DEFLATED);
                    zipEntry.setSize(entry.size());
                    zip.putArchiveEntry(zipEntry);
                    PackFiles.copy(entry.file(), entry.size(), zip, Optional.empty(), target, hook);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
    }

    /**
     * Stamps an entry with {@code time}, giving the same bytes in every time zone. The DOS date fields every ZIP
     * entry has hold local wall-clock time, so they get the UTC wall clock; the "UT" extra field (0x5455), which
     * unzip, 7-Zip and commons-compress prefer, carries the true instant. The field is added as raw bytes because
     * commons-compress would otherwise rewrite the DOS fields from it in the packing machine's zone.
     */
    static void stamp(ZipArchiveEntry entry, Instant time) {
        long millis = time.toEpochMilli();
        entry.setTime(millis - TimeZone.getDefault().getOffset(millis));
        long seconds = time.getEpochSecond();
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            return; // the UT field holds an unsigned 32-bit second count
        }
        byte[] data = new byte[5];
        data[0] = X5455_ExtendedTimestamp.MODIFY_TIME_BIT;
        for (int i = 0; i < 4; i++) {
            data[1 + i] = (byte) (seconds >>> (8 * i));
        }
        UnrecognizedExtraField universal = new UnrecognizedExtraField();
        universal.setHeaderId(X5455_ExtendedTimestamp.HEADER_ID);
        universal.setLocalFileDataData(data);
        universal.setCentralDirectoryData(data);
        entry.addExtraField(universal);
    }

    private static boolean isCompressed(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && COMPRESSED.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
