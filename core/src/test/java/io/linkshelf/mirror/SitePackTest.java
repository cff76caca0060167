package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linkshelf.snapshot.SnapshotId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ZIP and tar.gz packs of the offline site, checked with the system's own unzip and tar. */
class SitePackTest {

    private static final SnapshotId SNAPSHOT = new SnapshotId("20261129T031700Z");
    private static final String TOP = "linkshelf-" + SNAPSHOT + "/";

    @TempDir
    Path temp;
    Path archive;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        archive = temp.resolve("archive");
        site = archive.resolve("mirror");
        write("index.html", "<!doctype html><link rel=stylesheet href=assets/site.css><a href=a/k1/index.html>一</a>");
        write("assets/site.css", "body { font-family: serif; }\n");
        write("a/k1/index.html", "<img src=../../img/p1.png> 双塔模型");
        write("a/k2/index.html", "<p>MMoE</p>");
        write("search/index.js", "const index = [];\n");
        byte[] png = new byte[3000];
        new java.util.Random(7).nextBytes(png);
        Files.createDirectories(site.resolve("img"));
        Files.write(site.resolve("img/p1.png"), png);
        Files.createDirectories(site.resolve("empty/folder"));
    }

    private void write(String name, String text) throws IOException {
        Path file = site.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = PackFormat.class, names = {"ZIP", "TAR_GZ"})
    void unpacksWithTheSystemToolToTheSameFilesUnderOneTopFolder(PackFormat format) throws Exception {
        List<Path> packs = Packs.write(archive, site, SNAPSHOT, Set.of(format));

        Path pack = archive.resolve("packs/linkshelf-20261129T031700Z." + format.label());
        assertThat(packs).containsExactly(pack);
        Path out = Files.createDirectory(temp.resolve("out"));
        if (format == PackFormat.ZIP) {
            run(out, "unzip", "-q", pack.toString());
        } else {
            run(out, "tar", "-xzf", pack.toString());
        }
        assertThat(out.resolve(TOP)).isDirectory();
        assertThat(contents(out.resolve(TOP))).isEqualTo(contents(site));
        assertThat(out.resolve(TOP + "empty/folder")).isDirectory();
        // every entry carries the snapshot's start time, and the tools restore it
        assertThat(Files.getLastModifiedTime(out.resolve(TOP + "a/k1/index.html")).toInstant())
                .isEqualTo(SNAPSHOT.start());
        assertThat(Files.list(archive.resolve("packs")).map(p -> p.getFileName().toString()))
                .containsExactly(pack.getFileName().toString());
    }

    @Test
    void writesBothSitePacksInOneCallInFormatOrder() throws IOException {
        List<Path> packs = Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.TAR_GZ, PackFormat.ZIP));

        assertThat(packs).extracting(p -> p.getFileName().toString())
                .containsExactly("linkshelf-20261129T031700Z.zip", "linkshelf-20261129T031700Z.tar.gz");
    }

    @Test
    void zipEntriesAreSortedRelativeAndUnderTheTopFolder() throws IOException {
        Path pack = Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP)).get(0);

        List<String> names = zipNames(pack);
        assertThat(names).isSorted().first().isEqualTo(TOP);
        assertThat(names).allSatisfy(name -> assertThat(name).startsWith(TOP).doesNotContain("..", "\\"));
        assertThat(names).contains(TOP + "a/k1/index.html", TOP + "img/p1.png", TOP + "empty/folder/");
    }

    @Test
    void symbolicLinksAreNeitherFollowedNorPacked() throws Exception {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "private", StandardCharsets.UTF_8);
        Files.createSymbolicLink(site.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(site.resolve("a/escape"), outside);
        Files.createSymbolicLink(site.resolve("a/up"), Path.of(".."));

        Path zip = Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP)).get(0);
        Path tarGz = Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.TAR_GZ)).get(0);

        for (List<String> names : List.of(zipNames(zip), tarNames(tarGz))) {
            assertThat(names).noneMatch(n -> n.contains("leak") || n.contains("escape") || n.contains("secret")
                    || n.contains("/up"));
            assertThat(names).allSatisfy(n -> assertThat(n).doesNotStartWith("/").doesNotContain(".."));
        }
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            assertThat(Collections.list(file.getEntries())).noneMatch(ZipArchiveEntry::isUnixSymlink);
            for (ZipArchiveEntry entry : Collections.list(file.getEntries())) {
                try (InputStream in = file.getInputStream(entry)) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).doesNotContain("private");
                }
            }
        }
    }

    @Test
    void aFileNameWithABackslashIsRefusedByName() throws IOException {
        write("odd\\name.html", "x");

        assertThatThrownBy(() -> Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("odd\\name.html")
                .hasMessageContaining("backslash");
        assertThat(archive.resolve("packs/linkshelf-20261129T031700Z.zip")).doesNotExist();
    }

    @Test
    void theSameSitePacksToTheSameBytesInAnyTimeZone() throws IOException {
        TimeZone original = TimeZone.getDefault();
        Map<String, byte[]> first = new TreeMap<>();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            for (Path pack : Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP, PackFormat.TAR_GZ))) {
                first.put(pack.getFileName().toString(), Files.readAllBytes(pack));
            }
            Files.setLastModifiedTime(site.resolve("index.html"), java.nio.file.attribute.FileTime.from(Instant.now()));
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            for (Path pack : Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP, PackFormat.TAR_GZ))) {
                assertThat(Files.readAllBytes(pack)).as(pack.toString()).isEqualTo(first.get(pack.getFileName().toString()));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void aMissingSiteSaysToRunMirrorFirst() {
        assertThatThrownBy(() -> Packs.write(archive, temp.resolve("nowhere"), SNAPSHOT, Set.of(PackFormat.TAR_GZ)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("run linkshelf mirror first");
    }

    @ParameterizedTest
    @EnumSource(value = PackFormat.class, names = {"ZIP", "TAR_GZ"})
    void aFileThatVanishesMidPackLeavesNoPackAndNoPartialFile(PackFormat format) {
        Path victim = site.resolve("img/p1.png");
        PackReadHook deleteIt = file -> {
            if (file.endsWith("img/p1.png")) {
                Files.delete(file);
            }
        };

        assertThatThrownBy(() -> Packs.write(archive, site, SNAPSHOT, Set.of(format), deleteIt, Clock.systemUTC()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(victim.toString());
        assertThat(archive.resolve("packs")).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(value = PackFormat.class, names = {"ZIP", "TAR_GZ"})
    void aFolderWhereAFileWasListedFailsNamingItAndLeavesNothing(PackFormat format) {
        Path victim = site.resolve("assets/site.css");
        PackReadHook swap = file -> {
            if (file.equals(victim)) {
                Files.delete(file);
                Files.createDirectory(file);
            }
        };

        assertThatThrownBy(() -> Packs.write(archive, site, SNAPSHOT, Set.of(format), swap, Clock.systemUTC()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(victim.toString());
        assertThat(archive.resolve("packs")).isEmptyDirectory();
    }

    @Test
    void aFileThatGrowsWhileBeingPackedIsAnError() {
        PackReadHook grow = file -> {
            if (file.endsWith("a/k2/index.html")) {
                Files.writeString(file, "<p>MMoE, now longer than when it was listed</p>", StandardCharsets.UTF_8);
            }
        };

        assertThatThrownBy(() -> Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP), grow, Clock.systemUTC()))
                .hasMessageContaining("a/k2/index.html")
                .hasMessageContaining("grew while it was being packed");
        assertThat(archive.resolve("packs")).isEmptyDirectory();
    }

    @Test
    void aPartialFileLeftByAKilledRunIsReplaced() throws Exception {
        Path packs = Files.createDirectories(archive.resolve("packs"));
        Files.writeString(packs.resolve(".linkshelf-20261129T031700Z.zip.partial"), "half a zip from a kill -9 ".repeat(500),
                StandardCharsets.UTF_8);

        Path pack = Packs.write(archive, site, SNAPSHOT, Set.of(PackFormat.ZIP)).get(0);

        assertThat(Files.list(packs).map(p -> p.getFileName().toString())).containsExactly(pack.getFileName().toString());
        Path out = Files.createDirectory(temp.resolve("out"));
        run(out, "unzip", "-q", pack.toString());
        assertThat(contents(out.resolve(TOP))).isEqualTo(contents(site));
    }

    /** Every folder and regular file under {@code root} (links left out) by relative path; folders map to "/". */
    static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String name = root.relativize(path).toString();
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    all.put(name + "/", "/");
                } else {
                    all.put(name, java.util.HexFormat.of().formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))));
                }
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return all;
    }

    static List<String> zipNames(Path zip) throws IOException {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            List<String> names = new ArrayList<>();
            file.getEntriesInPhysicalOrder().asIterator().forEachRemaining(e -> names.add(e.getName()));
            return names;
        }
    }

    static List<String> tarNames(Path tarGz) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(tarGz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                assertThat(entry.isSymbolicLink()).as(entry.getName()).isFalse();
                names.add(entry.getName());
            }
        }
        return names;
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    @SuppressWarnings("unused")
    private static Instant utc(String text) {
        return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
}
