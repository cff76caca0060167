package io.linkshelf.search;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** A reusable buffer that whole files are read into, growing to the largest file read. */
final class ReadBuffer {

    private byte[] bytes = new byte[64 * 1024];

    byte[] bytes() {
        return bytes;
    }

    /**
     * Reads a whole file into the buffer; returns its length. A read that comes back short of the
     * room it was given has met the end of a regular file, so a file smaller than the buffer costs
     * one read: no size query, no second read to see the end.
     */
    int read(Path file) throws IOException {
        // A plain FileInputStream: a FileChannel's interruptible reads and its temporary direct buffer cost more
        // per file than reading a 20 KB file does, and grep reads 100,000 of them.
        try (FileInputStream in = open(file)) {
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    if (bytes.length > Integer.MAX_VALUE / 2) {
                        throw new IOException(file + ": too large to search");
                    }
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                int room = bytes.length - length;
                int n = in.read(bytes, length, room);
                if (n <= 0) {
                    return length;
                }
                length += n;
                if (n < room) {
                    return length;
                }
            }
        }
    }

    private static FileInputStream open(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            if (Files.notExists(file)) {
                // as NIO says it, which grep's callers tell apart: a file moved away by an update running now
                throw new NoSuchFileException(file.toString(), null, e.getMessage());
            }
            throw e;
        }
    }
}
