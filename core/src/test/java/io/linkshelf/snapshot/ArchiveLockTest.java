package io.linkshelf.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveLockTest {

    @TempDir
    Path archive;

    @Test
    void aSecondLockOnTheSameArchiveNamesTheHolder() throws Exception {
        try (ArchiveLock first = ArchiveLock.acquire(archive)) {
            assertThatThrownBy(() -> ArchiveLock.acquire(archive))
                    .isInstanceOf(ArchiveLock.ArchiveLockedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        try (ArchiveLock again = ArchiveLock.acquire(archive)) {
            assertThat(archive.resolve("state/lock")).exists();
        }
    }
}
