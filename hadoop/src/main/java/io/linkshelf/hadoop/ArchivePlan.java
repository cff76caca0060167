package io.linkshelf.hadoop;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.search.TextStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Which WARC records hold which article versions, from the archive's snapshot manifests: the same
 * {@link ArchiveView} and {@link TextStore#plan} the command line uses, so a revisit resolves to its original
 * response and a blocked or deleted page is never a version. The manifests are small (a few MB for thousands of
 * articles); each task copies them from the job's file system to local disk and reads them there.
 */
final class ArchivePlan {

    private final Map<String, List<TextStore.Planned>> byRecord;
    private final int versions;

    private ArchivePlan(Map<String, List<TextStore.Planned>> byRecord, int versions) {
        this.byRecord = byRecord;
        this.versions = versions;
    }

    /** The snapshot manifests' directory of an archive. */
    static Path snapshots(Path archive) {
        return new Path(archive, ArchiveLayout.relative().snapshots().toString());
    }

    static ArchivePlan load(Configuration conf, Path archive) throws IOException {
        FileSystem fs = archive.getFileSystem(conf);
        Path snapshots = snapshots(archive);
        if (!fs.isDirectory(snapshots)) {
            throw new IOException("no snapshot manifests in " + snapshots + ": is " + archive + " a linkshelf archive?");
        }
        java.nio.file.Path local = Files.createTempDirectory("linkshelf-plan-");
        try {
            java.nio.file.Path copy = ArchiveLayout.of(local).snapshots();
            // The raw local file system: no .crc files beside the manifests.
            fs.copyToLocalFile(false, snapshots, new Path(copy.toUri()), true);
            return of(ArchiveView.open(local));
        } finally {
            deleteTree(local);
        }
    }

    static ArchivePlan of(ArchiveView view) {
        Map<String, List<TextStore.Planned>> byRecord = new HashMap<>();
        List<TextStore.Planned> plan = TextStore.plan(view);
        for (TextStore.Planned planned : plan) {
            byRecord.computeIfAbsent(planned.version().content().responseRecordId(), id -> new java.util.ArrayList<>())
                    .add(planned);
        }
        return new ArchivePlan(byRecord, plan.size());
    }

    /** The versions a response record holds (usually none: most records are images and requests). */
    List<TextStore.Planned> versionsIn(String recordId) {
        return byRecord.getOrDefault(recordId, List.of());
    }

    /** How many article versions the manifests name. */
    int versions() {
        return versions;
    }

    private static void deleteTree(java.nio.file.Path root) throws IOException {
        try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
            for (java.nio.file.Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
