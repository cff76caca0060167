package io.linkshelf.warc;

import io.linkshelf.snapshot.ArchiveLayout;
import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.testing.FixtureArchive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class WarcVerifierTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static FixtureArchive fixture;

    @BeforeAll
    static void crawlTwice() throws Exception {
        fixture = FixtureArchive.create(shared);
    }

    private Path copy() throws IOException {
        return Damage.copy(fixture.archive(), dir.resolve("archive"));
    }

    private static WarcVerifier.Places places(Path archive) {
        ArchiveLayout layout = ArchiveLayout.of(archive);
        return new WarcVerifier.Places(layout.warc(), layout.cdxj(), layout.quarantine());
    }

    private static WarcVerifier.Result verify(Path archive) throws IOException {
        return WarcVerifier.verify(places(archive), Damage.references(archive), WarcVerifier.Progress.NONE);
    }

    @Test
    void aFreshArchiveIsClean() throws Exception {
        List<Long> progress = new ArrayList<>();
        WarcVerifier.Result result = WarcVerifier.verify(places(fixture.archive()), Damage.references(fixture.archive()),
                (done, total, file) -> progress.add(done));
        assertThat(result.findings()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.files()).isPositive();
        // warcinfo per file plus a response/revisit and a request per capture
        assertThat(result.records()).isGreaterThan(2L * 10);
        long total = 0;
        for (Path f : WarcVerifier.warcFiles(fixture.archive().resolve("warc"))) {
            total += Files.size(f);
        }
        assertThat(result.bytes()).isEqualTo(total);
        assertThat(progress).isSorted().last().isEqualTo(total);
        assertThat(Damage.references(fixture.archive())).hasSizeGreaterThan(10);
    }

    @Test
    void aFlippedPayloadByteIsADigestMismatchAtThatRecord() throws Exception {
        Path archive = copy();
        CdxjIndex.Line page = Damage.htmlPage(archive);
        Damage.flipInRecord(archive.resolve("warc").resolve(page.filename().orElseThrow()), page.offset().orElseThrow(),
                "js_content");
        WarcVerifier.Result result = verify(archive);
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(VerifyFinding.Kind.DIGEST_MISMATCH);
            assertThat(f.file()).isEqualTo(page.filename().orElseThrow());
            assertThat(f.offset()).hasValue(page.offset().orElseThrow());
        });
        assertThat(result.findings()).extracting(VerifyFinding::message).anyMatch(m -> m.contains("payload digest"));
    }

    @Test
    void aDamagedGzipMemberInTheMiddleIsCorruptAndTheRecordsAfterItAreStillRead() throws Exception {
        Path archive = copy();
        CdxjIndex.Line page = Damage.htmlPage(archive);
        Path warc = archive.resolve("warc").resolve(page.filename().orElseThrow());
        byte[] bytes = Files.readAllBytes(warc);
        int inside = (int) (page.offset().orElseThrow() + page.length().orElseThrow() / 2);
        bytes[inside] ^= (byte) 0xff;
        Files.write(warc, bytes);
        WarcVerifier.Result result = verify(archive);
        assertThat(result.tornTails()).isEmpty();
        assertThat(result.findings()).filteredOn(f -> f.kind() == VerifyFinding.Kind.CORRUPT_RECORD).singleElement()
                .satisfies(f -> {
                    assertThat(f.offset()).hasValue(page.offset().orElseThrow());
                    assertThat(f.message()).contains("gzip").contains("the next whole record is at offset "
                            + (page.offset().orElseThrow() + page.length().orElseThrow()));
                });
        // the record is unreadable, so the index line and the manifest entries naming it are reported too
        assertThat(result.findings()).extracting(VerifyFinding::kind).contains(VerifyFinding.Kind.INDEX_MISMATCH);
        assertThat(result.records()).isEqualTo(verify(fixture.archive()).records() - 1);
    }

    @Test
    void aRecordCutShortByAKillIsATornTailThatRepairCutsOff() throws Exception {
        Path archive = copy();
        Path last = Damage.lastWarc(archive);
        long size = Files.size(last);
        Damage.appendHalfARecord(last);
        WarcVerifier.Result torn = verify(archive);
        assertThat(torn.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(VerifyFinding.Kind.TORN_TAIL);
            assertThat(f.file()).isEqualTo(last.getFileName().toString());
            assertThat(f.offset()).hasValue(size);
        });
        byte[] damaged = Files.readAllBytes(last);

        List<WarcVerifier.Repair> repairs = WarcVerifier.repair(places(archive), torn, Instant.parse("2026-11-29T03:17:00Z"));
        assertThat(repairs).singleElement().satisfies(r -> {
            assertThat(r.truncatedTo()).isEqualTo(size);
            assertThat(r.original()).isEqualTo(archive.resolve("quarantine")
                    .resolve(last.getFileName() + ".damaged-20261129T031700Z"));
        });
        assertThat(Files.size(last)).isEqualTo(size);
        assertThat(Files.readAllBytes(repairs.get(0).original())).isEqualTo(damaged);
        assertThat(verify(archive).findings()).isEmpty();
        try (Stream<Path> leftovers = Files.list(archive.resolve("warc"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aTruncatedFileIsTornAtItsLastRecordAndTheLostRecordStaysReported() throws Exception {
        Path archive = copy();
        Path last = Damage.lastWarc(archive);
        long lastRecord = Damage.lastMemberOffset(last);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
        WarcVerifier.Result torn = verify(archive);
        assertThat(torn.tornTails()).singleElement().satisfies(f -> assertThat(f.offset()).hasValue(lastRecord));
        WarcVerifier.repair(places(archive), torn, Instant.now());
        assertThat(Files.size(last)).isEqualTo(lastRecord);
        WarcVerifier.Result after = verify(archive);
        // the cut record was a capture's request record: the manifest still names it, so that is not hidden
        assertThat(after.tornTails()).isEmpty();
        assertThat(after.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.kind())
                .isIn(VerifyFinding.Kind.MISSING_RECORD, VerifyFinding.Kind.UNPAIRED));
    }

    @Test
    void aManifestEntryNamingARecordNoWarcHoldsIsAMissingRecord() throws Exception {
        Path archive = copy();
        SnapshotId second = fixture.snapshots().get(1);
        Path manifest = archive.resolve("snapshots").resolve(second.value() + ".json");
        ManifestEntry fresh = new ManifestStore(archive.resolve("snapshots")).read(second).entry(fixture.keys().get("fresh"))
                .orElseThrow();
        String id = fresh.capture().orElseThrow().responseRecordId();
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertThat(text).contains(id);
        Files.writeString(manifest, text.replace(id, "urn:uuid:00000000-0000-4000-8000-000000000000"), StandardCharsets.UTF_8);
        WarcVerifier.Result result = verify(archive);
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(VerifyFinding.Kind.MISSING_RECORD);
            assertThat(f.file()).isEqualTo("snapshots/" + second.value() + ".json");
            assertThat(f.message()).contains("article " + fixture.keys().get("fresh")).contains("00000000-0000-4000");
        });
    }

    @Test
    void aCdxjLinePointingAtTheWrongOffsetIsAnIndexMismatch() throws Exception {
        Path archive = copy();
        CdxjIndex.Line page = Damage.htmlPage(archive);
        Path cdxj = archive.resolve("index/captures.cdxj");
        String text = Files.readString(cdxj, StandardCharsets.UTF_8);
        String wrong = page.text().replace("\"offset\": \"" + page.offset().orElseThrow() + "\"",
                "\"offset\": \"" + (page.offset().orElseThrow() + 7) + "\"");
        assertThat(wrong).isNotEqualTo(page.text());
        Files.writeString(cdxj, text.replace(page.text(), wrong), StandardCharsets.UTF_8);
        WarcVerifier.Result result = verify(archive);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(VerifyFinding.Kind.INDEX_MISMATCH);
            assertThat(f.message()).contains(page.url().orElseThrow()).contains("offset " + (page.offset().orElseThrow() + 7));
        });
    }

    /** Ways to damage a copy of an archive, shared with the CLI tests. */
    public static final class Damage {

        private Damage() {}

        public static Path copy(Path from, Path to) throws IOException {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path target = to.resolve(from.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(target);
                    } else if (!f.getFileName().toString().equals("lock")) {
                        Files.copy(f, target);
                    }
                }
            }
            return to;
        }

        public static List<WarcVerifier.Reference> references(Path archive) throws IOException {
            ManifestStore store = new ManifestStore(archive.resolve("snapshots"));
            List<WarcVerifier.Reference> refs = new ArrayList<>();
            for (SnapshotId id : store.ids()) {
                for (ManifestEntry e : store.read(id).entries()) {
                    String file = "snapshots/" + id.value() + ".json";
                    e.capture().ifPresent(c -> refs.add(new WarcVerifier.Reference("article " + e.key(), c, file)));
                    e.content().ifPresent(c -> refs.add(new WarcVerifier.Reference("article " + e.key(), c, file)));
                    e.images().forEach(i -> i.capture().ifPresent(c -> refs.add(new WarcVerifier.Reference("image", c, file))));
                }
            }
            return refs;
        }

        /** The CDXJ line of an article page's response record. */
        public static CdxjIndex.Line htmlPage(Path archive) throws IOException {
            return CdxjIndex.read(archive.resolve("index/captures.cdxj")).stream()
                    .filter(l -> l.field("mime").filter("text/html"::equals).isPresent() && l.field("status").filter("200"::equals)
                            .isPresent() && l.url().orElse("").contains("mid=10"))
                    .findFirst().orElseThrow();
        }

        public static Path lastWarc(Path archive) throws IOException {
            List<Path> files = WarcVerifier.warcFiles(archive.resolve("warc"));
            return files.get(files.size() - 1);
        }

        public static long lastMemberOffset(Path warc) throws IOException {
            try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.READ)) {
                GzipMembers members = new GzipMembers(channel);
                long offset = 0;
                long last = 0;
                while (offset < members.size()) {
                    last = offset;
                    offset += members.read(offset).length();
                }
                return last;
            }
        }

        /** What a kill -9 in the middle of a write leaves: the first half of a record's gzip member. */
        public static void appendHalfARecord(Path warc) throws IOException {
            byte[] all = Files.readAllBytes(warc);
            long second;
            try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.READ)) {
                second = new GzipMembers(channel).read(0).length();
            }
            long length;
            try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.READ)) {
                length = new GzipMembers(channel).read(second).length();
            }
            byte[] member = Arrays.copyOfRange(all, (int) second, (int) (second + length));
            Files.write(warc, Arrays.copyOf(member, member.length / 2), StandardOpenOption.APPEND);
        }

        /**
         * Changes one byte (or, failing that, a few) of the record at {@code offset}, somewhere after {@code marker} in its decompressed bytes,
         * and writes the member back compressed to exactly its old length, so every other offset stays true. The byte
         * is one whose change still lets the record compress into the old length (a byte made equal to its neighbour).
         */
        public static void flipInRecord(Path warc, long offset, String marker) throws IOException {
            byte[] file = Files.readAllBytes(warc);
            GzipMembers.Member member;
            try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.READ)) {
                member = new GzipMembers(channel).read(offset);
            }
            byte[] data = member.data();
            // One byte made equal to its neighbour usually compresses into the old length; whether it does depends on
            // the record's ids and dates, so a few neighbouring bytes made equal (which always compresses better) are
            // the fallback: the damage the verifier must see is the same, a payload that no longer matches its digest.
            for (int width : new int[] {1, 16}) {
                for (int at = indexOf(data, marker.getBytes(StandardCharsets.US_ASCII)); at < data.length - 4 - width; at++) {
                    if (data[at] == data[at - 1]) {
                        continue;
                    }
                    byte[] changed = data.clone();
                    Arrays.fill(changed, at, at + width, changed[at - 1]);
                    Optional<byte[]> replacement = gzipOfLength(changed, (int) member.length());
                    if (replacement.isPresent()) {
                        System.arraycopy(replacement.get(), 0, file, (int) offset, replacement.get().length);
                        Files.write(warc, file);
                        return;
                    }
                }
            }
            throw new IllegalStateException("no small change of the record compresses into its old length");
        }

        private static Optional<byte[]> gzipOfLength(byte[] data, int length) {
            ByteArrayOutputStream deflated = null;
            for (int level = 1; level <= 9; level++) {
                for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED}) {
                    ByteArrayOutputStream candidate = deflate(data, level, strategy);
                    if (deflated == null || candidate.size() < deflated.size()) {
                        deflated = candidate;
                    }
                }
            }
            int padding = length - 10 - deflated.size() - 8;
            if (padding < 1) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // FCOMMENT: a zero-terminated comment takes up exactly the bytes the smaller member saves
            out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0x10, 0, 0, 0, 0, 0, (byte) 0xff});
            out.writeBytes("x".repeat(padding - 1).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.writeBytes(deflated.toByteArray());
            CRC32 crc = new CRC32();
            crc.update(data);
            ByteBuffer trailer = ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            trailer.putInt((int) crc.getValue()).putInt(data.length);
            out.writeBytes(trailer.array());
            return Optional.of(out.toByteArray());
        }

        private static ByteArrayOutputStream deflate(byte[] data, int level, int strategy) {
            Deflater deflater = new Deflater(level, true);
            deflater.setStrategy(strategy);
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                deflated.write(buffer, 0, deflater.deflate(buffer));
            }
            deflater.end();
            return deflated;
        }

        private static int indexOf(byte[] data, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new IllegalArgumentException("marker not found in the record");
        }
    }
}
