package io.linkshelf.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Bytes that can be read more than once, such as a raw HTTP response spooled to a file while it was received.
 * Writing a capture reads the body several times (digests, then the record itself), so {@link #open()} must return
 * the same bytes each time and {@link #length()} must match them.
 */
public interface ByteBody {

    /** The exact number of bytes every {@link #open()} stream yields. */
    long length();

    /** A new stream over the bytes from the start; the caller closes it. */
    InputStream open() throws IOException;

    /** A body held in memory; the array is copied. */
    static ByteBody of(byte[] bytes) {
        byte[] copy = Arrays.copyOf(bytes, bytes.length);
        return new ByteBody() {
            @Override
            public long length() {
                return copy.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return "ByteBody[" + copy.length + " bytes]";
            }
        };
    }

    /**
     * A body backed by a file whose size is taken now; the file must not change while the body is in use
     * (a recorder that finds fewer or more bytes than announced refuses to write the record).
     */
    static ByteBody of(Path file) throws IOException {
        long size = Files.size(file);
        return new ByteBody() {
            @Override
            public long length() {
                return size;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String toString() {
                return "ByteBody[" + file + ", " + size + " bytes]";
            }
        };
    }
}
