package io.linkshelf.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    if (bytes.length > Integer.MAX_VALUE / 2) {
                        throw new IOException(file + ": too large to search");
                    }
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                int room = bytes.length - length;
                int n = channel.read(ByteBuffer.wrap(bytes, length, room));
                if (n < 0) {
                    return length;
                }
                length += n;
                if (n < room) {
                    return length;
                }
            }
        }
    }
}
