package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.testing.ReplayFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linkshelf mirror --pack wacz} on an archive holding Zhihu formula images, whose index keys hold braces and
 * backslashes (which once stopped the pack with "not a CDXJ line with a filename"), and a 304 revisit. The other
 * kinds of pages (deleted, blocked, not found, failed images, markup in titles) are packed in MirrorCommandTest.
 */
class MirrorWaczCommandTest {

    @TempDir
    Path dir;

    @Test
    void packsAnArchiveWithFormulaImagesAndA304Revisit() throws Exception {
        ReplayFixture fixture = ReplayFixture.create(dir);

        CliRun run = CliRun.of("mirror", "--archive", fixture.archive().toString(), "--pack", "wacz");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        Path wacz = fixture.archive().resolve("packs/linkshelf-" + fixture.snapshots().get(1).value() + ".wacz");
        assertThat(run.out()).contains("Pack: " + wacz.toAbsolutePath());
        String index = entry(wacz, "indexes/index.cdxj");
        assertThat(index).contains("/equation?tex=\\frac{dcg@k}{idcg@k} ", "invalid,linkshelf,read)/a/");
        assertThat(entry(wacz, "site/index.html")).contains(ReplayFixture.TITLES.get("formulas"));
    }

    private static String entry(Path wacz, String name) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(wacz).get(); InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
