package io.linkshelf.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchiveLayoutTest {

    private static final SnapshotId ID = new SnapshotId("20261129T031700Z");

    @Test
    void namesEveryPathOfTheArchitecturesLayout() {
        ArchiveLayout layout = ArchiveLayout.of(Path.of("a"));
        assertThat(layout.warc()).isEqualTo(Path.of("a/warc"));
        assertThat(layout.cdxj()).isEqualTo(Path.of("a/index/captures.cdxj"));
        assertThat(layout.grepIndex()).isEqualTo(Path.of("a/index/grep"));
        assertThat(layout.manifest(ID)).isEqualTo(Path.of("a/snapshots/20261129T031700Z.json"));
        assertThat(layout.journal(ID)).isEqualTo(Path.of("a/snapshots/20261129T031700Z.journal"));
        assertThat(layout.textHistory()).isEqualTo(Path.of("a/text/.history"));
        assertThat(layout.mirrorPage("wx-1")).isEqualTo(Path.of("a/mirror/a/wx-1.html"));
        assertThat(layout.lockFile()).isEqualTo(Path.of("a/state/lock"));
        assertThat(layout.reportHtml(ID)).isEqualTo(Path.of("reports/20261129T031700Z/report.html"));
        assertThat(layout.reportsIndex()).isEqualTo(Path.of("reports/index.html"));
        assertThat(layout.exports()).isEqualTo(Path.of("exports"));
        assertThat(ArchiveLayout.relative().snapshots().toString()).isEqualTo("snapshots");
    }

    @Test
    void theMirrorPageFollowsMirrorOutAndExportsSitBesideTheReports() {
        ArchiveLayout layout = ArchiveLayout.of(Path.of("/srv/a"), Path.of("/srv/r")).withMirror(Path.of("/www/site"));
        assertThat(layout.mirrorPage("zhihu-p-1")).isEqualTo(Path.of("/www/site/a/zhihu-p-1.html"));
        assertThat(layout.mirrorIndex()).isEqualTo(Path.of("/www/site/index.html"));
        assertThat(layout.exports()).isEqualTo(Path.of("/srv/exports"));
        assertThat(layout.warc()).isEqualTo(Path.of("/srv/a/warc"));
    }

    @Test
    void exportsSitBesideTheReportsNotInsideTheArchive() {
        assertThat(ArchiveLayout.of(Path.of("archive"), Path.of("shelf/reports")).exports()).isEqualTo(Path.of("shelf/exports"));
        assertThat(ArchiveLayout.of(Path.of("/data/archive")).exports().startsWith(Path.of("/data/archive"))).isFalse();
    }
}
