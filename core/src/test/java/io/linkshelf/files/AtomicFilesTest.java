package io.linkshelf.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenFileHasThePermissionsOfAPlainNewFileNotOwnerOnly() throws IOException {
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        AtomicFiles.write(dir.resolve("derived.txt"), "x");
        AtomicFiles.write(dir.resolve("durable.json"), new byte[] {1}, AtomicFiles.Durability.DURABLE);

        assertThat(Files.getPosixFilePermissions(dir.resolve("derived.txt"))).isEqualTo(plain);
        assertThat(Files.getPosixFilePermissions(dir.resolve("durable.json"))).isEqualTo(plain);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path target = dir.resolve("manifest.json");
        AtomicFiles.write(target, "old");

        assertThatThrownBy(() -> AtomicFiles.replace(target, AtomicFiles.Durability.DURABLE, temp -> {
            Files.writeString(temp, "half of the new", StandardCharsets.UTF_8);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
        }
    }

    @Test
    void sweepDeletesWhatAKilledWriterLeftBesideTheTargetOnly() throws IOException {
        Path target = dir.resolve("pack.zip");
        Files.writeString(dir.resolve(".pack.zip.1234.tmp"), "half");
        Files.writeString(dir.resolve(".pack.zip.partial"), "half");
        Files.writeString(dir.resolve(".other.zip.1234.tmp"), "someone else's");

        AtomicFiles.sweep(target);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".other.zip.1234.tmp");
        }
    }
}
