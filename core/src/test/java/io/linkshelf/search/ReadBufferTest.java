package io.linkshelf.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadBufferTest {

    @TempDir
    Path dir;

    @Test
    void readsWholeFilesOfEverySizeIntoOneGrowingBuffer() throws Exception {
        ReadBuffer buffer = new ReadBuffer();
        Random random = new Random(7);
        // empty, small, exactly the starting buffer, just over it, several times it
        for (int size : new int[] {0, 1, 20_000, 64 * 1024, 64 * 1024 + 1, 300_000, 20_000}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size), content);

            int length = buffer.read(file);

            assertThat(length).as("size " + size).isEqualTo(size);
            assertThat(Arrays.copyOf(buffer.bytes(), length)).isEqualTo(content);
        }
    }

    @Test
    void aMissingFileIsNioSNoSuchFileSoGrepCanTellAFileMovedAwayFromAnError() {
        assertThatThrownBy(() -> new ReadBuffer().read(dir.resolve("gone.txt")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("gone.txt");
    }

    @Test
    void aDirectoryIsAnErrorNotAMissingFile() {
        assertThatThrownBy(() -> new ReadBuffer().read(dir))
                .isInstanceOf(java.io.IOException.class).isNotInstanceOf(NoSuchFileException.class);
    }

    @Test
    void articleKeysAreLowerCaseLettersDigitsAndDotDashUnderscoreAfterTheFirst() {
        assertThat(TextFiles.isKey("wx-mza5-101-1")).isTrue();
        assertThat(TextFiles.isKey("zhihu-p-123.x_y")).isTrue();
        assertThat(TextFiles.isKey("")).isFalse();
        assertThat(TextFiles.isKey("-x")).isFalse();
        assertThat(TextFiles.isKey(".hidden")).isFalse();
        assertThat(TextFiles.isKey("Upper")).isFalse();
        assertThat(TextFiles.isKey("a/../b")).isFalse();
        assertThat(TextFiles.isKey("a b")).isFalse();
        assertThat(TextFiles.isKey("推荐")).isFalse();
    }
}
