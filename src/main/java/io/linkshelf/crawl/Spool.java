package io.linkshelf.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Bytes received over the wire, kept in memory up to a threshold (1 MiB by default) and in a temporary
 * file beyond it, so that a large response never has to fit in the heap. The file is deleted on close.
 *
 * <p>Written by one thread while a fetch runs; readable by any thread once the fetch has returned.
 */
public final class Spool implements AutoCloseable {

    static final int DEFAULT_MEMORY_LIMIT = 1024 * 1024;

    private final int memoryLimit;
    private byte[] memory = new byte[8192];
    private long length;
    private Optional<Path> file = Optional.empty();
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
        return Files.newInputStream(file.get());
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

    /** The temporary file holding the bytes, when they outgrew memory; for tests. */
    synchronized Optional<Path> file() {
        return file;
    }

    private void spillToFile() throws IOException {
        Path path = Files.createTempFile("linkshelf-spool-", ".bin");
        file = Optional.of(path);
        // DELETE_ON_CLOSE removes the file even if close() is never reached through our own code path.
        OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        fileOut = Optional.of(new java.io.BufferedOutputStream(out, 64 * 1024));
        fileOut.get().write(memory, 0, (int) length);
        memory = new byte[0];
    }

    private void deleteFile() throws IOException {
        if (fileOut.isPresent()) {
            fileOut.get().close();
            fileOut = Optional.empty();
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
