package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HttpFetcherSpoolTest {

    @Test
    void keepsSmallResponsesInMemory() throws Exception {
        try (Spool spool = new Spool()) {
            spool.write("HTTP/1.1 200 OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, 17);
            assertThat(spool.length()).isEqualTo(17);
            assertThat(spool.file()).isEmpty();
            assertThat(spool.readAll()).asString(java.nio.charset.StandardCharsets.US_ASCII).isEqualTo("HTTP/1.1 200 OK\r\n");
        }
    }

    @Test
    void spillsPastOneMebibyteToATempFileGoneAfterClose() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        Spool spool = new Spool();
        for (int offset = 0; offset < data.length; offset += 10_000) {
            spool.write(data, offset, Math.min(10_000, data.length - offset));
        }
        Path file = spool.file().orElseThrow();
        assertThat(spool.length()).isEqualTo(data.length);
        try (InputStream first = spool.open(); InputStream second = spool.open()) {
            assertThat(first.readAllBytes()).isEqualTo(data);
            assertThat(second.readAllBytes()).isEqualTo(data);
        }
        spool.close();
        assertThat(Files.exists(file)).isFalse();
        assertThatThrownBy(spool::open).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void resetForgetsEverythingIncludingTheFile() throws Exception {
        try (Spool spool = new Spool(16)) {
            spool.write(new byte[64], 0, 64);
            Path file = spool.file().orElseThrow();
            spool.reset();
            assertThat(Files.exists(file)).isFalse();
            assertThat(spool.length()).isZero();
            spool.write(new byte[] {1, 2, 3}, 0, 3);
            assertThat(spool.readAll()).containsExactly(1, 2, 3);
        }
    }
}
