package io.linkshelf.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/**
 * Where grep output goes. On the process's stdout the rendered UTF-8 bytes are written as they
 * are, in large writes: grep can print as much as the text store holds, and turning a gigabyte into
 * chars for a {@link PrintWriter} and back into bytes costs more than the search. When the command
 * line runs in-process (a test capturing output), the bytes go through its writer.
 */
final class GrepOutput {

    private final @Nullable OutputStream stream;
    private final @Nullable PrintWriter writer;

    private GrepOutput(@Nullable OutputStream stream, @Nullable PrintWriter writer) {
        this.stream = stream;
        this.writer = writer;
    }

    /** The output of a grep run by {@code cli}. */
    static GrepOutput of(CommandLine cli) {
        if (cli.getOut() == Main.STDOUT) {
            System.out.flush();
            // System.out's own buffer is small and flushes on every write: 256 KB makes few, large writes.
            return new GrepOutput(new BufferedOutputStream(System.out, 1 << 18), null);
        }
        return new GrepOutput(null, cli.getOut());
    }

    void write(GrepBytes bytes) {
        write(bytes.array(), bytes.length());
    }

    /** Writes {@code bytes[0, length)}; a failure (say, a closed pipe) ends the search. */
    void write(byte[] bytes, int length) {
        if (stream != null) {
            try {
                stream.write(bytes, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the output: " + e.getMessage(), e);
            }
        } else if (writer != null) {
            writer.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }

    void flush() {
        if (stream != null) {
            try {
                stream.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("writing the output: " + e.getMessage(), e);
            }
        } else if (writer != null) {
            writer.flush();
        }
    }
}
