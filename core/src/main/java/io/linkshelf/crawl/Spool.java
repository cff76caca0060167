package io.linkshelf.crawl;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bytes received over the wire, kept in memory up to a threshold (1 MiB by default) and in a temporary
 * file beyond it, so that a large response never has to fit in the heap. The file is deleted when the
 * spool is closed (on Unix, as soon as it is created: only the open spool can still reach it).
 *
 * <p>Written by one thread while a fetch runs; readable by any thread once the fetch has returned.
 */
final class Spool implements AutoCloseable, io.linkshelf.warc.ByteBody {

    static final int DEFAULT_MEMORY_LIMIT = 1024 * 1024;

    private final int memoryLimit;
    private byte[] memory = new byte[8192];
    private long length;
    private Optional<Path> file = Optional.empty();
    private Optional<FileChannel> channel = Optional.empty();
    private Optional<OutputStream> fileOut = Optional.empty();
    private boolean closed;

    Spool() {
        this(DEFAULT_MEMORY_LIMIT);
    }

    Spool(int memoryLimit) {
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + memoryLimit);
        }
        this.memoryLimit = memoryLimit;
    }

    /** How many bytes were recorded. */
    public synchronized long length() {
        return length;
    }

    /** A fresh stream over every recorded byte; the caller closes it. */
    public synchronized InputStream open() throws IOException {
        ensureOpen();
        if (file.isEmpty()) {
            return new ByteArrayInputStream(memory, 0, (int) length);
        }
        fileOut.orElseThrow().flush();
        return new ChannelSlice(channel.orElseThrow(), length);
    }

    /** Every recorded byte in one array; for small spools and tests. */
    public byte[] readAll() throws IOException {
        if (length() > Integer.MAX_VALUE - 16) {
            throw new IOException("spool of " + length() + " bytes is too large for one array");
        }
        try (InputStream in = open()) {
            return in.readAllBytes();
        }
    }

    synchronized void write(byte[] bytes, int offset, int count) {
        if (closed) {
            return; // the exchange was abandoned; late bytes from a closing socket are not wanted
        }
        try {
            if (file.isEmpty() && length + count <= memoryLimit) {
                if (length + count > memory.length) {
                    memory = Arrays.copyOf(memory, (int) Math.min(memoryLimit, Math.max(length + count, memory.length * 2L)));
                }
                System.arraycopy(bytes, offset, memory, (int) length, count);
            } else {
                if (file.isEmpty()) {
                    spillToFile();
                }
                fileOut.orElseThrow().write(bytes, offset, count);
            }
            length += count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool response bytes to a temporary file", e);
        }
    }

    synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Drops everything recorded so far (the bytes of a proxy CONNECT exchange, for example). */
    synchronized void reset() throws IOException {
        deleteFile();
        memory = new byte[8192];
        length = 0;
    }

    /** Reads {@code [0, end)} of the channel with positional reads, leaving the write position alone. */
    private static final class ChannelSlice extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        ChannelSlice(FileChannel channel, long end) {
            this.channel = channel;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (position >= end) {
                return -1;
            }
            int wanted = (int) Math.min(count, end - position);
            int n = channel.read(ByteBuffer.wrap(bytes, offset, wanted), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }
    }

    /** The temporary file holding the bytes, when they outgrew memory; for tests. */
    synchronized Optional<Path> file() {
        return file;
    }

    private void spillToFile() throws IOException {
        Path path = Files.createTempFile("linkshelf-spool-", ".bin");
        file = Optional.of(path);
        // On Unix DELETE_ON_CLOSE unlinks the file at once, so even a kill -9 leaves no temp file behind;
        // reads therefore go through this same channel rather than reopening the path.
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        channel = Optional.of(ch);
        fileOut = Optional.of(new BufferedOutputStream(Channels.newOutputStream(ch), 64 * 1024));
        fileOut.get().write(memory, 0, (int) length);
        memory = new byte[0];
    }

    private void deleteFile() throws IOException {
        if (fileOut.isPresent()) {
            fileOut.get().close(); // closes the channel too
            fileOut = Optional.empty();
            channel = Optional.empty();
        }
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
            file = Optional.empty();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("spool is closed");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            deleteFile();
            memory = new byte[0];
        }
    }
}
