package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;

/**
 * The offline site as a WACZ carries it: packs the fixture's WACZ, unzips its {@code site/} folder and runs every
 * check of {@link MirrorBrowserIT} on the unzipped copy, opened from {@code file://} with the network taken away.
 */
class WaczSiteBrowserIT extends MirrorBrowserIT {

    /** Runs after {@link MirrorBrowserIT#start()}, which built the fixture and its mirror and started the browser. */
    @BeforeAll
    static void unzipTheWaczSite() throws IOException {
        Path wacz = Packs.write(fixture.archive(), site, fixture.snapshots().get(1), Set.of(PackFormat.WACZ)).get(0);
        Path unzipped = Path.of("target", "wacz-it-site").toAbsolutePath();
        if (Files.exists(unzipped)) {
            try (var all = Files.walk(unzipped)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        int files = 0;
        try (ZipFile zip = ZipFile.builder().setPath(wacz).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (!entry.getName().startsWith("site/") || entry.isDirectory()) {
                    continue;
                }
                assertThat(PackEntries.isSafeName(entry.getName())).as(entry.getName()).isTrue();
                Path target = unzipped.resolve(entry.getName().substring("site/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target);
                }
                files++;
            }
        }
        assertThat(files).isPositive();
        assertThat(unzipped.resolve("index.html")).isRegularFile();
        site = unzipped;
    }
}
