package io.linkshelf.warc;

import io.linkshelf.files.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Cuts a torn tail off a WARC file, keeping the original whole in {@code archive/quarantine/}. */
final class WarcRepair {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private WarcRepair() {
    }

    static WarcVerifier.Repair truncate(WarcVerifier.Places places, String fileName, long keep, Instant now) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("not a WARC file name: " + fileName);
        }
        Path file = places.warcDir().resolve(fileName);
        Path quarantine = places.quarantine();
        Files.createDirectories(quarantine);
        Path aside = quarantine.resolve(fileName + ".damaged-" + STAMP.format(now));
        for (int n = 2; Files.exists(aside); n++) {
            aside = quarantine.resolve(fileName + ".damaged-" + STAMP.format(now) + "-" + n);
        }
        // the whole records first, synced, so at every moment either the original or the repaired copy is complete
        Path temp = file.resolveSibling("." + fileName + ".repair.tmp");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                     StandardOpenOption.WRITE)) {
            if (keep > in.size()) {
                throw new IOException("cannot repair " + file + ": it has " + in.size() + " bytes, fewer than the "
                        + keep + " to keep (did it change since it was verified?)");
            }
            long copied = 0;
            while (copied < keep) {
                copied += in.transferTo(copied, keep - copied, out);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new IOException("cannot repair " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.move(file, aside);
        AtomicFiles.move(temp, file);
        return new WarcVerifier.Repair(file, keep, aside);
    }
}
