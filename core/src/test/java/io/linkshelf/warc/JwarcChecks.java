package io.linkshelf.warc;

import org.netpreserve.jwarc.HeaderValidator;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks written files with jwarc itself. */
final class JwarcChecks {
    private JwarcChecks() {
    }

    /**
     * Runs jwarc's own validator ({@code jwarc validate}) on the file, with WARC 1.1 header validation as its command
     * line enables by default. Its main() ends in System.exit, so the per-file method is called reflectively.
     */
    static boolean jwarcValidates(Path file) throws ReflectiveOperationException {
        Class<?> tool = Class.forName("org.netpreserve.jwarc.tools.ValidateTool");
        Object validator = tool.getConstructor(boolean.class).newInstance(false);
        Field headerValidator = tool.getDeclaredField("headerValidator");
        headerValidator.setAccessible(true);
        headerValidator.set(validator, HeaderValidator.warc_1_1());
        Method validate = tool.getDeclaredMethod("validate", Path.class);
        validate.setAccessible(true);
        return (boolean) validate.invoke(validator, file);
    }

    /**
     * What jwarc's validator checks, done here record by record so that a failure says which: header rules (the 0.32
     * validator forgets header violations of capture records), block digest, payload digest over http().body(), and
     * that every record starts its own gzip member.
     */
    static List<String> problems(Path file, boolean checkPayloadDigests) throws IOException {
        List<String> problems = new ArrayList<>();
        HeaderValidator headers = HeaderValidator.warc_1_1();
        List<Long> starts = new ArrayList<>();
        long end;
        try (WarcReader reader = new WarcReader(file)) {
            reader.calculateBlockDigest();
            reader.onWarning(w -> problems.add("reader warning: " + w));
            Optional<WarcRecord> next = reader.next();
            while (next.isPresent()) {
                WarcRecord record = next.get();
                String where = record.type() + " at " + reader.position();
                starts.add(reader.position());
                headers.validate(record.headers()).forEach(v -> problems.add(where + ": " + v));
                if (checkPayloadDigests && record instanceof WarcResponse response
                        && response.payloadDigest().isPresent()) {
                    WarcPayload payload = response.payload().orElseThrow();
                    WarcDigest actual = sha1(payload.body());
                    if (!actual.equals(response.payloadDigest().get())) {
                        problems.add(where + ": payload digest " + response.payloadDigest().get() + " != " + actual);
                    }
                }
                record.body().consume();
                WarcDigest stated = record.blockDigest().orElse(null);
                if (stated == null) {
                    problems.add(where + ": no block digest");
                } else if (!stated.equals(record.calculatedBlockDigest().orElse(null))) {
                    problems.add(where + ": block digest " + stated + " != " + record.calculatedBlockDigest());
                }
                next = reader.next();
            }
            end = reader.position();
        }
        assertThat(end).as("reader ends at the end of " + file).isEqualTo(Files.size(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long start : starts) {
                ByteBuffer magic = ByteBuffer.allocate(2);
                channel.read(magic, start);
                if ((magic.get(0) & 0xff) != 0x1f || (magic.get(1) & 0xff) != 0x8b) {
                    problems.add("record at " + start + " does not start a gzip member");
                }
            }
        }
        return problems;
    }

    static WarcDigest sha1(MessageBody body) throws IOException {
        MessageDigest digest = RawResponse.sha1();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (body.read(buffer) >= 0) {
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return new WarcDigest(digest);
    }

    /** A record with its whole block, read while the reader was on it. */
    record Stored(WarcRecord record, long offset, byte[] block) {
        String header(String name) {
            return record.headers().sole(name).orElseThrow(() -> new AssertionError("no " + name + " in " + record));
        }
    }

    static List<Stored> read(Path file) throws IOException {
        List<Stored> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            Optional<WarcRecord> next = reader.next();
            while (next.isPresent()) {
                WarcRecord record = next.get();
                records.add(new Stored(record, reader.position(), record.body().stream().readAllBytes()));
                next = reader.next();
            }
        }
        return records;
    }
}
