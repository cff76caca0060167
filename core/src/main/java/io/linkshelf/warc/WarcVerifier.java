package io.linkshelf.warc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Checks an archive's WARC files record by record (gzip members, structure, Content-Length, block and
 * payload digests, request/response pairing), that every CDXJ line points at a record with its URL,
 * digest and length, and that every record a manifest names exists where it says. {@link #verify}
 * never writes; {@link #repair} truncates torn tails after moving the original file aside.
 */
public final class WarcVerifier {

    /** Receives progress in bytes of WARC files read; called from the verifying thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total, file) -> { };

        void onProgress(long bytesDone, long bytesTotal, String file);
    }

    /**
     * A record a snapshot manifest says the archive holds.
     *
     * @param owner who names it, for messages: e.g. {@code snapshot 20261129T031700Z, article wx-...}
     * @param capture the capture whose response (or revisit) and request records must exist
     * @param manifest the manifest file, for messages
     */
    public record Reference(String owner, Capture capture, String manifest) {
        public Reference {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(capture, "capture");
            Objects.requireNonNull(manifest, "manifest");
        }
    }

    /**
     * What a verification found.
     *
     * @param files WARC files read
     * @param records records read whole
     * @param bytes bytes of WARC files read
     * @param findings every problem, in file order, then index and manifest problems
     */
    public record Result(int files, long records, long bytes, List<VerifyFinding> findings) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return findings.isEmpty();
        }

        public List<VerifyFinding> tornTails() {
            return findings.stream().filter(f -> f.kind() == VerifyFinding.Kind.TORN_TAIL).toList();
        }
    }

    private WarcVerifier() {
    }

    /**
     * Where an archive keeps what the verifier reads and writes; the caller takes them from its layout
     * ({@code snapshot.ArchiveLayout}), which sits above this package.
     *
     * @param warcDir the WARC files
     * @param cdxj the CDXJ index
     * @param quarantine where a repair moves a damaged original
     */
    public record Places(Path warcDir, Path cdxj, Path quarantine) {}

    /** Verifies {@code archive/warc/*.warc.gz} and {@code archive/index/captures.cdxj} against each other and the references. */
    public static Result verify(Places places, List<Reference> references, Progress progress) throws IOException {
        Path warcDir = places.warcDir();
        List<Path> files = warcFiles(warcDir);
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        List<VerifyFinding> findings = new ArrayList<>();
        Map<String, WarcRecordCheck.Info> byId = new HashMap<>();
        Map<String, WarcRecordCheck.Info> byPosition = new HashMap<>();
        long records = 0;
        long done = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            long before = done;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                GzipMembers members = new GzipMembers(channel);
                long offset = 0;
                while (offset < members.size()) {
                    GzipMembers.Member member = members.read(offset);
                    if (!member.ok()) {
                        OptionalLong next = members.resync(offset);
                        if (next.isEmpty()) {
                            findings.add(WarcRecordCheck.finding(VerifyFinding.Kind.TORN_TAIL, name, offset,
                                    "the last " + (members.size() - offset) + " bytes are not a whole record ("
                                            + member.problem() + "); a write was cut short"));
                            break;
                        }
                        findings.add(WarcRecordCheck.finding(VerifyFinding.Kind.CORRUPT_RECORD, name, offset,
                                member.problem() + "; the next whole record is at offset " + next.getAsLong()));
                        offset = next.getAsLong();
                        continue;
                    }
                    WarcRecordCheck.Outcome checked = WarcRecordCheck.check(name, offset, member.length(), member.data());
                    findings.addAll(checked.findings());
                    checked.info().ifPresent(info -> {
                        WarcRecordCheck.Info earlier = byId.putIfAbsent(info.id(), info);
                        if (earlier != null) {
                            findings.add(WarcRecordCheck.finding(VerifyFinding.Kind.CORRUPT_RECORD, name, info.offset(),
                                    "record id " + info.id() + " is also used by the record at " + earlier.file() + " offset "
                                            + earlier.offset()));
                        }
                        byPosition.put(position(name, info.offset()), info);
                    });
                    records++;
                    offset += member.length();
                    progress.onProgress(before + offset, total, name);
                }
            }
            done = before + Files.size(file);
            progress.onProgress(done, total, name);
        }
        findings.addAll(CrossChecks.pairing(byId));
        findings.addAll(CrossChecks.index(places.cdxj(), byPosition));
        findings.addAll(CrossChecks.references(references, byId));
        return new Result(files.size(), records, done, findings);
    }

    /**
     * What a repair did to one file.
     *
     * @param file the WARC file, now ending with its last whole record
     * @param truncatedTo its new size
     * @param original where the untouched original now is
     */
    public record Repair(Path file, long truncatedTo, Path original) {
        public Repair {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(original, "original");
        }
    }

    /**
     * Truncates every torn tail the result found to the file's last whole record. The original file is first moved
     * to {@code archive/quarantine/<name>.damaged-<timestamp>}, so no byte is ever deleted. The caller holds the
     * archive lock.
     */
    public static List<Repair> repair(Places places, Result result, java.time.Instant now) throws IOException {
        List<Repair> repairs = new ArrayList<>();
        for (VerifyFinding torn : result.tornTails()) {
            repairs.add(WarcRepair.truncate(places, torn.file(), torn.offset().orElseThrow(), now));
        }
        return repairs;
    }

    static String position(String file, long offset) {
        return file + "@" + offset;
    }

    static List<Path> warcFiles(Path warcDir) throws IOException {
        if (!Files.isDirectory(warcDir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(warcDir)) {
            return list.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && n.endsWith(".warc.gz") && Files.isRegularFile(p);
            }).sorted().toList();
        }
    }

    static Optional<WarcRecordCheck.Info> at(Map<String, WarcRecordCheck.Info> byPosition, String file, long offset) {
        return Optional.ofNullable(byPosition.get(position(file, offset)));
    }
}
