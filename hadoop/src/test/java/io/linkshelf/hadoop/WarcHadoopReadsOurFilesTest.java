package io.linkshelf.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import com.martinkl.warc.WARCFileReader;
import com.martinkl.warc.WARCRecord;
import io.linkshelf.testing.FixtureArchive;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * warc-hadoop reads linkshelf's WARC files as they are written: WARC/1.1, one gzip member per record, read
 * through Hadoop's gzip codec. Every record jwarc (the writer's library) finds, warc-hadoop finds too, with the
 * same id, type and block.
 */
class WarcHadoopReadsOurFilesTest {

    @TempDir
    static Path dir;
    static FixtureArchive fixture;

    @BeforeAll
    static void crawl() throws Exception {
        fixture = FixtureArchive.create(dir);
    }

    record Seen(String id, String type, long length) {}

    @Test
    void everyRecordOfEveryFileReadsTheSameThroughWarcHadoop() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(fixture.archive().resolve("warc"))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".warc.gz")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        int records = 0;
        for (Path file : files) {
            List<Seen> jwarc = new ArrayList<>();
            List<Long> offsets = new ArrayList<>();
            try (WarcReader reader = new WarcReader(FileChannel.open(file))) {
                for (WarcRecord record : reader) {
                    offsets.add(reader.position());
                    jwarc.add(new Seen(record.id().toString(), record.type(), record.body().size()));
                }
            }
            // one gzip member per record: every record starts a member of its own
            byte[] raw = Files.readAllBytes(file);
            for (long offset : offsets) {
                assertThat(raw[(int) offset] & 0xFF).as(file + " at " + offset).isEqualTo(0x1F);
                assertThat(raw[(int) offset + 1] & 0xFF).isEqualTo(0x8B);
            }
            assertThat(offsets).doesNotHaveDuplicates();

            List<Seen> hadoop = new ArrayList<>();
            WARCFileReader reader = new WARCFileReader(new Configuration(), new org.apache.hadoop.fs.Path(file.toUri()));
            try {
                while (true) {
                    WARCRecord record = reader.read();
                    hadoop.add(new Seen(StoredRecords.id(record).orElseThrow(), record.getHeader().getRecordType(),
                            contentLength(record)));
                }
            } catch (EOFException end) {
                // warc-hadoop's way of saying the file is done
            } finally {
                reader.close();
            }
            assertThat(hadoop).as(file.toString()).isEqualTo(jwarc);
            records += hadoop.size();
        }
        assertThat(records).isGreaterThan(20);
    }

    private static long contentLength(WARCRecord record) {
        return record.getContent().length;
    }
}
