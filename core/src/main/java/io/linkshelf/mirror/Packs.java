package io.linkshelf.mirror;

import io.linkshelf.files.AtomicFiles;
import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the packs of a snapshot to {@code archive/packs/linkshelf-<snapshot>.<zip|tar.gz|wacz>}: the offline site
 * as ZIP or tar.gz (under a top-level folder {@code linkshelf-<snapshot>/}), and the raw captures as WACZ.
 *
 * <p>Every file streams through a fixed buffer, so packing needs the same memory for 5 GB as for 5 KB. Each pack
 * is written by {@link AtomicFiles} (a hidden temp file beside it, forced to disk, then renamed), so a
 * file with the final name is always complete; a failure deletes the temp file. Every entry of every pack is
 * dated with the snapshot's start time rather than the files' own times, so packing the same site twice gives the
 * same bytes (except a WACZ's {@code created} field).
 */
public final class Packs {

    private Packs() {
    }

    /**
     * Writes the packs in {@code formats} (ZIP, then tar.gz, then WACZ) and returns their paths in that order.
     *
     * @param archive the archive root
     * @param siteDir the offline site to pack as ZIP and tar.gz (needed only for those)
     * @param snapshot the snapshot the packs are named after; the WACZ holds its page list and the WARC files of it
     *     and every earlier snapshot
     */
    public static List<Path> write(Path archive, Path siteDir, SnapshotId snapshot, Set<PackFormat> formats)
            throws IOException {
        return write(archive, siteDir, snapshot, formats, PackReadHook.NONE, Clock.systemUTC());
    }

    static List<Path> write(Path archive, Path siteDir, SnapshotId snapshot, Set<PackFormat> formats,
            PackReadHook hook, Clock clock) throws IOException {
        Set<PackFormat> ordered = formats.isEmpty() ? EnumSet.noneOf(PackFormat.class) : EnumSet.copyOf(formats);
        Path packs = ArchiveLayout.of(archive).packs();
        List<PackEntries.Entry> site = List.of();
        if (ordered.contains(PackFormat.ZIP) || ordered.contains(PackFormat.TAR_GZ)) {
            if (!Files.isDirectory(siteDir)) {
                throw new IOException("no offline site at " + siteDir + " to pack: run linkshelf mirror first");
            }
            site = PackEntries.list(siteDir, "linkshelf-" + snapshot, Optional.of(packs));
        }
        Optional<SnapshotManifest> manifest = ordered.contains(PackFormat.WACZ)
                ? Optional.of(manifest(archive, snapshot)) : Optional.empty();
        Files.createDirectories(packs);
        Instant time = snapshot.start();
        List<Path> written = new ArrayList<>();
        for (PackFormat format : ordered) {
            Path target = packs.resolve(fileName(snapshot, format));
            AtomicFiles.sweep(target);
            List<PackEntries.Entry> entries = site;
            AtomicFiles.replace(target, AtomicFiles.Durability.DURABLE, partial -> {
                switch (format) {
                    case ZIP -> ZipPack.write(entries, time, partial, hook);
                    case TAR_GZ -> TarGzPack.write(entries, time, partial, hook);
                    case WACZ -> WaczPack.write(archive, manifest.orElseThrow(), time, clock.instant(), partial, hook);
                }
            });
            written.add(target);
        }
        return List.copyOf(written);
    }

    /** The file name of a snapshot's pack, e.g. {@code linkshelf-20261129T031700Z.tar.gz}. */
    public static String fileName(SnapshotId snapshot, PackFormat format) {
        return "linkshelf-" + snapshot + "." + format.label();
    }

    private static SnapshotManifest manifest(Path archive, SnapshotId snapshot) throws IOException {
        ManifestStore store = new ManifestStore(ArchiveLayout.of(archive).snapshots());
        if (!Files.isRegularFile(store.pathOf(snapshot))) {
            throw new IOException("no snapshot " + snapshot + " in " + archive + " (no " + store.pathOf(snapshot)
                    + "): cannot list its pages in a WACZ");
        }
        return store.read(snapshot);
    }
}
