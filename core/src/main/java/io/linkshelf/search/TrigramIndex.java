package io.linkshelf.search;

import io.linkshelf.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A bit-sliced signature index over the text store ({@code archive/index/grep/}): every document
 * (article version) has a {@link Trigrams#BITS}-bit Bloom signature of its trigrams, stored
 * transposed, so a query reads only the slices of its own trigrams' bits and ANDs them into the
 * set of candidate documents. False positives only cost a file read; a document is never missed.
 *
 * <p>{@code docs.tsv} lists the documents ({@code id key snapshot state size}, state L latest,
 * H earlier version, X gone) after a header line naming the format and the text directory's
 * modification time at the last sync, which tells a reader whether the index may be stale.
 * {@code bits-NNNNN.bin} holds the slices of documents {@code N*8192 ...}: slice {@code j}, the
 * documents having bit {@code j}, is {@code capacity/8} bytes at offset {@code j*capacity/8}.
 */
final class TrigramIndex {

    static final int BLOCK = 8192;
    private static final int MIN_CAPACITY = 64;
    private static final String DOCS = "docs.tsv";
    private static final String MAGIC = "linkshelf-grep-index\t1\tbits=" + Trigrams.BITS + "\thashes=" + Trigrams.HASHES
            + "\tblock=" + BLOCK;

    /** One indexed document. */
    record Doc(int id, String key, String snapshot, char state, long size) {}

    private final Path dir;
    private final List<Doc> docs;
    private final long textStamp;

    private TrigramIndex(Path dir, List<Doc> docs, long textStamp) {
        this.dir = dir;
        this.docs = docs;
        this.textStamp = textStamp;
    }

    /** The index in {@code dir}, if one of this format is there. */
    static Optional<TrigramIndex> open(Path dir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(DOCS), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC + "\ttext-mtime=")) {
            return Optional.empty();
        }
        long stamp = Long.parseLong(lines.get(0).substring(MAGIC.length() + "\ttext-mtime=".length()).strip());
        List<Doc> docs = new ArrayList<>(lines.size());
        int[] tabs = new int[4];
        for (int i = 1; i < lines.size(); i++) {
            // Split by hand: grep opens the index every run, and it has a line per article version.
            String line = lines.get(i);
            int found = 0;
            for (int at = line.indexOf('\t'); at >= 0; at = line.indexOf('\t', at + 1)) {
                if (found == tabs.length) {
                    found++;
                    break;
                }
                tabs[found++] = at;
            }
            try {
                if (found != tabs.length || tabs[3] - tabs[2] != 2
                        || Integer.parseInt(line, 0, tabs[0], 10) != docs.size()) {
                    throw new NumberFormatException("not id key snapshot state size");
                }
                docs.add(new Doc(docs.size(), line.substring(tabs[0] + 1, tabs[1]), line.substring(tabs[1] + 1, tabs[2]),
                        line.charAt(tabs[2] + 1), Long.parseLong(line, tabs[3] + 1, line.length(), 10)));
            } catch (NumberFormatException e) {
                throw new IOException("damaged grep index " + dir.resolve(DOCS) + " at line " + (i + 1), e);
            }
        }
        return Optional.of(new TrigramIndex(dir, docs, stamp));
    }

    List<Doc> docs() {
        return docs;
    }

    /** Whether the text directory is as the last sync saw it (nothing added, moved or removed since). */
    boolean freshFor(Path textDir) throws IOException {
        return Files.getLastModifiedTime(textDir).toMillis() == textStamp;
    }

    /**
     * The documents that may match: for any branch, having every bit the branch's literals need.
     * A branch with no bits (no literal of three code points) admits every document.
     */
    BitSet candidates(List<int[]> branches) throws IOException {
        BitSet all = new BitSet();
        all.set(0, docs.size());
        if (branches.isEmpty() || branches.stream().anyMatch(b -> b.length == 0)) {
            return all;
        }
        BitSet result = new BitSet(docs.size());
        for (int block = 0; block * BLOCK < docs.size(); block++) {
            int base = block * BLOCK;
            Path file = blockFile(dir, block);
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            int capacity = (int) (size * 8 / Trigrams.BITS);
            if (size <= 0 || capacity < MIN_CAPACITY || (long) capacity * Trigrams.BITS / 8 != size) {
                result.set(base, Math.min(docs.size(), base + BLOCK));
                continue;
            }
            int sliceBytes = capacity / 8;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
                map.order(ByteOrder.LITTLE_ENDIAN);
                for (int[] positions : branches) {
                    long[] acc = new long[capacity / 64];
                    java.util.Arrays.fill(acc, -1L);
                    for (int position : positions) {
                        int offset = position * sliceBytes;
                        for (int k = 0; k < acc.length; k++) {
                            acc[k] &= map.getLong(offset + k * 8);
                        }
                    }
                    BitSet hits = BitSet.valueOf(acc);
                    for (int d = hits.nextSetBit(0); d >= 0 && base + d < docs.size(); d = hits.nextSetBit(d + 1)) {
                        result.set(base + d);
                    }
                }
            }
        }
        return result;
    }

    /** The distinct, sorted bit positions a set of literals needs. */
    static int[] positions(List<String> literals) {
        java.util.TreeSet<Integer> bits = new java.util.TreeSet<>();
        for (String literal : literals) {
            Trigrams.each(literal, bits::add);
        }
        return bits.stream().mapToInt(Integer::intValue).toArray();
    }

    /** What a sync did. */
    record SyncStats(int indexed, int documents) {}

    /** Brings the index in {@code dir} up to date with the files of {@code textDir}. */
    static SyncStats sync(Path textDir, Path dir) throws IOException {
        long stamp = Files.getLastModifiedTime(textDir).toMillis();
        Map<String, Found> found = new LinkedHashMap<>();
        for (TextScan.Item item : TextScan.list(textDir, true)) {
            String snapshot = item.latest() ? TextFiles.snapshotOf(item.path()).orElse("") : item.snapshot();
            Found f = new Found(item.key(), snapshot, item.path(), item.latest() ? 'L' : 'H', Files.size(item.path()));
            found.merge(item.key() + "\t" + snapshot, f, (a, b) -> a.state() == 'L' ? a : b);
        }
        Optional<TrigramIndex> existing = open(dir);
        List<Doc> docs = new ArrayList<>(existing.map(TrigramIndex::docs).orElse(List.of()));
        if (existing.isEmpty()) {
            deleteBlocks(dir);
        }
        Map<Integer, Path> toIndex = new TreeMap<>();
        for (int id = 0; id < docs.size(); id++) {
            Doc doc = docs.get(id);
            Found f = found.remove(doc.key() + "\t" + doc.snapshot());
            if (f == null) {
                docs.set(id, new Doc(id, doc.key(), doc.snapshot(), 'X', doc.size()));
            } else {
                if (f.size() != doc.size() || doc.state() == 'X') {
                    toIndex.put(id, f.path());
                }
                docs.set(id, new Doc(id, doc.key(), doc.snapshot(), f.state(), f.size()));
            }
        }
        List<Found> fresh = new ArrayList<>(found.values());
        fresh.sort(Comparator.comparing(Found::key).thenComparing(Found::snapshot));
        for (Found f : fresh) {
            int id = docs.size();
            docs.add(new Doc(id, f.key(), f.snapshot(), f.state(), f.size()));
            toIndex.put(id, f.path());
        }
        Map<Integer, List<Integer>> byBlock = new TreeMap<>();
        toIndex.keySet().forEach(id -> byBlock.computeIfAbsent(id / BLOCK, b -> new ArrayList<>()).add(id));
        for (Map.Entry<Integer, List<Integer>> block : byBlock.entrySet()) {
            writeBlock(dir, block.getKey(), block.getValue(), toIndex, docs.size());
        }
        writeDocs(dir, docs, stamp);
        return new SyncStats(toIndex.size(), docs.size());
    }

    private record Found(String key, String snapshot, Path path, char state, long size) {}

    private static void writeBlock(Path dir, int block, List<Integer> ids, Map<Integer, Path> paths, int docCount)
            throws IOException {
        Path file = blockFile(dir, block);
        int needed = Math.min(BLOCK, docCount - block * BLOCK);
        int capacity = MIN_CAPACITY;
        while (capacity < needed) {
            capacity *= 2;
        }
        byte[] bits = new byte[Trigrams.BITS / 8 * capacity];
        int sliceBytes = capacity / 8;
        boolean reused = false;
        if (Files.isRegularFile(file)) {
            byte[] old = Files.readAllBytes(file);
            int oldCapacity = (int) ((long) old.length * 8 / Trigrams.BITS);
            if (oldCapacity >= MIN_CAPACITY && oldCapacity <= capacity && (long) oldCapacity * Trigrams.BITS / 8 == old.length) {
                int oldSlice = oldCapacity / 8;
                for (int j = 0; j < Trigrams.BITS; j++) {
                    System.arraycopy(old, j * oldSlice, bits, j * sliceBytes, oldSlice);
                }
                reused = true;
            }
        }
        // Signatures are computed in parallel in chunks, so memory stays at a chunk's worth.
        for (int from = 0; from < ids.size(); from += 512) {
            List<Integer> chunk = ids.subList(from, Math.min(ids.size(), from + 512));
            long[][] signatures = new long[chunk.size()][];
            IOException[] failure = new IOException[1];
            IntStream.range(0, chunk.size()).parallel().forEach(k -> {
                try {
                    signatures[k] = signatureOf(paths.get(chunk.get(k)));
                } catch (IOException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            for (int k = 0; k < chunk.size(); k++) {
                int slot = chunk.get(k) - block * BLOCK;
                int byteIndex = slot >>> 3;
                byte mask = (byte) (1 << (slot & 7));
                if (reused) {
                    for (int j = 0; j < Trigrams.BITS; j++) {
                        bits[j * sliceBytes + byteIndex] &= (byte) ~mask;
                    }
                }
                long[] signature = signatures[k];
                for (int w = 0; w < signature.length; w++) {
                    long v = signature[w];
                    while (v != 0) {
                        int j = (w << 6) + Long.numberOfTrailingZeros(v);
                        bits[j * sliceBytes + byteIndex] |= mask;
                        v &= v - 1;
                    }
                }
            }
        }
        AtomicFiles.write(file, bits);
    }

    private static long[] signatureOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int body = TextFiles.parse(bytes, bytes.length).bodyStart();
        return Trigrams.signature(new String(bytes, body, bytes.length - body, StandardCharsets.UTF_8));
    }

    private static void writeDocs(Path dir, List<Doc> docs, long stamp) throws IOException {
        StringBuilder out = new StringBuilder(docs.size() * 64);
        out.append(MAGIC).append("\ttext-mtime=").append(stamp).append('\n');
        for (Doc d : docs) {
            out.append(d.id()).append('\t').append(d.key()).append('\t').append(d.snapshot()).append('\t')
                    .append(d.state()).append('\t').append(d.size()).append('\n');
        }
        AtomicFiles.write(dir.resolve(DOCS), out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void deleteBlocks(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> blocks = Files.newDirectoryStream(dir, "bits-*.bin")) {
            for (Path block : blocks) {
                Files.delete(block);
            }
        }
    }

    private static Path blockFile(Path dir, int block) {
        return dir.resolve(String.format("bits-%05d.bin", block));
    }
}
