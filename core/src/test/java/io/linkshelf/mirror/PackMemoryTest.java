package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linkshelf.snapshot.ManifestStore;
import io.linkshelf.snapshot.SnapshotId;
import io.linkshelf.snapshot.SnapshotManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packing streams: a 300 MB file (sparse, so instant to make) packs while the packing thread allocates and the heap
 * grows by a small fraction of that. Loading the file into memory anywhere would allocate at least its size.
 */
class PackMemoryTest {

    private static final long BIG = 300L << 20;
    /** Far below the file size; leaves room for first-use class loading (Jackson, digests) on the packing thread. */
    private static final long LIMIT = 64L << 20;
    private static final SnapshotId SNAPSHOT = new SnapshotId("20261129T031700Z");

    @TempDir
    Path temp;
    Path archive;
    Path site;

    @BeforeEach
    void makeArchive() throws IOException {
        archive = temp.resolve("archive");
        site = Files.createDirectories(archive.resolve("mirror"));
        Files.writeString(site.resolve("index.html"), "<p>big file below</p>", StandardCharsets.UTF_8);
        sparse(site.resolve("big.bin"));
        sparse(Files.createDirectories(archive.resolve("warc")).resolve("linkshelf-" + SNAPSHOT + "-00000.warc.gz"));
        Files.createDirectories(archive.resolve("index"));
        Files.writeString(archive.resolve("index/captures.cdxj"), "", StandardCharsets.UTF_8);
        new ManifestStore(archive.resolve("snapshots")).write(new SnapshotManifest(SNAPSHOT, SNAPSHOT.start(),
                Optional.of(SNAPSHOT.start()), "test", Map.of(), true, 1, List.of(), Map.of()));
    }

    private static void sparse(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(BIG);
        }
    }

    @Test
    void aZipOfA300MegabyteFileUsesBoundedMemory() throws IOException {
        Path zip = packMeasured(PackFormat.ZIP);

        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            assertThat(file.getEntry("linkshelf-" + SNAPSHOT + "/big.bin").getSize()).isEqualTo(BIG);
        }
    }

    @Test
    void aTarGzOfA300MegabyteFileUsesBoundedMemory() throws Exception {
        Path tarGz = packMeasured(PackFormat.TAR_GZ);

        String listing = SitePackTest.run(temp, "tar", "-tvzf", tarGz.toString());
        assertThat(listing).contains(" " + BIG + " ").contains("big.bin");
    }

    @Test
    void aWaczOfA300MegabyteWarcHashesItWhileStreaming() throws Exception {
        Path wacz = packMeasured(PackFormat.WACZ);

        try (ZipFile file = ZipFile.builder().setPath(wacz).get();
             InputStream in = file.getInputStream(file.getEntry("datapackage.json"))) {
            JsonNode warc = new ObjectMapper().readTree(in).path("resources").get(0);
            assertThat(warc.path("path").asText()).isEqualTo("archive/linkshelf-" + SNAPSHOT + "-00000.warc.gz");
            assertThat(warc.path("bytes").asLong()).isEqualTo(BIG);
            assertThat(warc.path("hash").asText()).isEqualTo("sha256:" + sha256OfZeros(BIG));
        }
    }

    private Path packMeasured(PackFormat format) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        Path pack = Packs.write(archive, site, SNAPSHOT, Set.of(format)).get(0);

        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        long heapPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        assertThat(allocated).as("bytes the packing thread allocated").isLessThan(LIMIT);
        assertThat(heapPeak - heapBefore).as("heap growth while packing").isLessThan(LIMIT);
        assertThat(Files.size(pack)).isPositive();
        return pack;
    }

    private static String sha256OfZeros(long bytes) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] zeros = new byte[1 << 20];
        for (long done = 0; done < bytes; done += zeros.length) {
            sha256.update(zeros, 0, (int) Math.min(zeros.length, bytes - done));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
