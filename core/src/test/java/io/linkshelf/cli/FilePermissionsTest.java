package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file linkshelf writes gets the process umask's permissions (0644 under the usual 022), so the mirror
 * can be served by a web server and the packs shared. The expected mode is that of a plain new file in the
 * same JVM, whatever umask the shell running the tests has.
 */
class FilePermissionsTest {

    @TempDir
    static Path dir;

    static FixtureArchive fixture;
    static Set<PosixFilePermission> plain;

    @BeforeAll
    static void buildEverything() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        CliRun run = CliRun.of("mirror", "--rebuild", "--archive", fixture.archive().toString(),
                "--reports", fixture.reports().toString(), "--pack", "zip,tar.gz,wacz");
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void aPlainFileOfThisJvmIsReadableByOthersUnlessTheUmaskSaysOtherwise() {
        // The check below is only meaningful when the umask lets others read; under 022 a plain file is 0644.
        assertThat(plain).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void theMirrorTextStoreReportsPacksAndManifestsHaveTheUmasksPermissions() throws IOException {
        ArchiveLayout layout = ArchiveLayout.of(fixture.archive(), fixture.reports());
        List<Path> roots = List.of(layout.mirror(), layout.text(), layout.grepIndex(), layout.reports(), layout.packs(),
                layout.snapshots());
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (Path root : roots) {
            assertThat(root).isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                    if (!perms.equals(plain)) {
                        wrong.add(root.relativize(file) + " " + PosixFilePermissions.toString(perms));
                    }
                }
            }
        }
        Set<PosixFilePermission> cdxj = Files.getPosixFilePermissions(layout.cdxj());
        assertThat(files).isGreaterThan(30);
        assertThat(wrong).as("files not " + PosixFilePermissions.toString(plain)).isEmpty();
        assertThat(cdxj).isEqualTo(plain);
    }
}
