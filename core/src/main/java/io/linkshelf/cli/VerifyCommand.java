package io.linkshelf.cli;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.snapshot.ArchiveLock;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.VerifyFinding;
import io.linkshelf.warc.WarcVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        header = "Checks every WARC record, the CDXJ index and the manifests; --repair cuts torn tails.",
        description = {
            "Reads every WARC file record by record: gzip members, structure, Content-Length, block and payload",
            "digests, request/response pairs. Checks that every CDXJ line points at a record with its URL and digest,",
            "and that every record a snapshot manifest names exists. Exit 4 when anything is damaged, 0 when clean.",
            "--repair truncates a torn last record (left by a killed run) after moving the original to quarantine/.",
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--repair", description = "Truncate torn tails to the last whole record; the original is kept in quarantine/.")
    boolean repair;

    @Override
    @SuppressWarnings("try") // the lock is held for the try block's duration, never used by name
    public Integer call() throws IOException {
        Path archive = common.archive;
        if (!Files.isDirectory(archive)) {
            throw new ArchiveUnusableException("no archive at " + archive + " (give --archive DIR)", null);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ArchiveLock lock = lock(archive)) {
            Checked first = check(archive, err);
            first.findings().forEach(f -> out.println("damage: " + f));
            out.println(summary(first));
            if (!repair || first.result().tornTails().isEmpty()) {
                out.flush();
                return first.findings().isEmpty() ? ExitCodes.OK : ExitCodes.DAMAGED;
            }
            for (WarcVerifier.Repair done : WarcVerifier.repair(places(archive), first.result(), Instant.now())) {
                out.println("repaired: " + done.file() + " now ends with its last whole record (" + done.truncatedTo()
                        + " bytes); the original is kept at " + done.original());
            }
            Checked again = check(archive, err);
            again.findings().forEach(f -> out.println("damage: " + f));
            out.println("after repair: " + summary(again));
            out.flush();
            return again.findings().isEmpty() ? ExitCodes.OK : ExitCodes.DAMAGED;
        }
    }

    private record Checked(WarcVerifier.Result result, List<VerifyFinding> findings) {
    }

    private static WarcVerifier.Places places(Path archive) {
        ArchiveLayout layout = ArchiveLayout.of(archive);
        return new WarcVerifier.Places(layout.warc(), layout.cdxj(), layout.quarantine());
    }

    private Checked check(Path archive, PrintWriter err) throws IOException {
        List<VerifyFinding> findings = new ArrayList<>();
        List<WarcVerifier.Reference> references = references(archive, findings);
        boolean live = System.console() != null;
        long[] lastDraw = {0};
        WarcVerifier.Result result = WarcVerifier.verify(places(archive), references, (done, total, file) -> {
            long now = System.nanoTime();
            if (live && now - lastDraw[0] > 200_000_000L) {
                lastDraw[0] = now;
                err.print(String.format(Locale.ROOT, "\rverifying %s: %d%% of %s ", file, total == 0 ? 100 : done * 100 / total,
                        bytes(total)));
                err.flush();
            }
        });
        if (live && lastDraw[0] != 0) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
        findings.addAll(0, result.findings());
        return new Checked(result, findings);
    }

    /** Every record a manifest names: each entry's page capture and content, and each image's capture. */
    private static List<WarcVerifier.Reference> references(Path archive, List<VerifyFinding> findings) throws IOException {
        ManifestStore store = new ManifestStore(ArchiveLayout.of(archive).snapshots());
        List<WarcVerifier.Reference> references = new ArrayList<>();
        for (SnapshotId id : store.ids()) {
            String file = "snapshots/" + id.value() + ".json";
            SnapshotManifest manifest;
            try {
                manifest = store.read(id);
            } catch (IOException e) {
                findings.add(new VerifyFinding(VerifyFinding.Kind.UNREADABLE_MANIFEST, file, OptionalLong.empty(), e.getMessage()));
                continue;
            }
            for (ManifestEntry entry : manifest.entries()) {
                String owner = "article " + entry.key();
                entry.capture().ifPresent(c -> references.add(new WarcVerifier.Reference(owner, c, file)));
                entry.content().ifPresent(c -> references.add(new WarcVerifier.Reference(owner, c, file)));
                for (ImageCapture image : entry.images()) {
                    image.capture().ifPresent(c -> references.add(new WarcVerifier.Reference(owner + " image " + image.url(), c, file)));
                }
            }
        }
        return references;
    }

    /** --repair must hold the lock; a plain check wants it too (a crawl's record being written looks torn) but runs on read-only copies. */
    private ArchiveLock lock(Path archive) {
        if (repair) {
            return Locks.acquire(archive);
        }
        try {
            return ArchiveLock.acquire(archive);
        } catch (ArchiveLock.ArchiveLockedException e) {
            throw new ArchiveUnusableException(e.getMessage() + " (verify after it finishes)", e);
        } catch (IOException readOnly) {
            return null;
        }
    }

    private static String summary(Checked checked) {
        WarcVerifier.Result r = checked.result();
        int problems = checked.findings().size();
        return "verified " + r.files() + (r.files() == 1 ? " WARC file, " : " WARC files, ") + r.records() + " records, "
                + bytes(r.bytes()) + ": " + (problems == 0 ? "no problems" : problems + (problems == 1 ? " problem" : " problems"))
                + (r.tornTails().isEmpty() ? "" : " (" + r.tornTails().size() + " torn tail" + (r.tornTails().size() == 1 ? "" : "s")
                + "; linkshelf verify --repair cuts it off)");
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
