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

    /** Reads a whole file into the buffer; returns its length. */
    int read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": too large to search (" + size + " bytes)");
            }
            if (size + 1 > bytes.length) {
                bytes = new byte[(int) Math.max(size + 1, bytes.length * 2L)];
            }
            int length = 0;
            while (true) {
                // One byte of room past the size tells a file that grew from one that ended.
                if (length == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                int n = channel.read(ByteBuffer.wrap(bytes, length, bytes.length - length));
                if (n < 0) {
                    return length;
                }
                length += n;
            }
        }
    }
}
