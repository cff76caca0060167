package io.linkshelf.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchiveLayoutTest {

    @Test
    void exportsSitBesideTheReportsNotInsideTheArchive() {
        assertThat(ArchiveLayout.of(Path.of("archive")).exports()).isEqualTo(Path.of("exports"));
        assertThat(ArchiveLayout.of(Path.of("/data/archive"), Path.of("/x/reports")).exports()).isEqualTo(Path.of("/x/exports"));
        assertThat(ArchiveLayout.of(Path.of("archive"), Path.of("shelf/reports")).exports()).isEqualTo(Path.of("shelf/exports"));
        assertThat(ArchiveLayout.of(Path.of("/data/archive")).exports().startsWith(Path.of("/data/archive"))).isFalse();
    }
}
