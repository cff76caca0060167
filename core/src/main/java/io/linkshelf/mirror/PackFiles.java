package io.linkshelf.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Streams one file into a pack entry through a fixed buffer, so memory use does not grow with the file. */
final class PackFiles {

    private static final int BUFFER = 64 * 1024;

    private PackFiles() {
    }

    /**
     * Copies {@code file} to {@code out} (not closing it), updating {@code digest} if given, and checks it still has the size
     * it had when listed: an entry's size is in the pack's headers, so a file that changed under us is an error.
     *
     * @param target the pack being written, named in write errors
     */
    static void copy(Path file, long expectedSize, OutputStream out, Optional<MessageDigest> digest, Path target,
            PackReadHook hook) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        hook.beforeRead(file);
        // NOFOLLOW_LINKS: a file swapped for a link since the listing is refused, not followed
        try (InputStream in = open(file)) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    throw new IOException("cannot read " + file + " at byte " + copied + ": " + reason(e), e);
                }
                if (n < 0) {
                    break;
                }
                copied += n;
                if (copied > expectedSize) {
                    throw new IOException(file + " grew while it was being packed (listed with " + expectedSize
                            + " bytes); pack again when nothing writes to it");
                }
                if (digest.isPresent()) {
                    digest.get().update(buffer, 0, n);
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new IOException("cannot write " + target + " while packing " + file + ": " + reason(e)
                            + " (is the disk full?)", e);
                }
            }
        }
        if (copied != expectedSize) {
            throw new IOException(file + " shrank while it was being packed (listed with " + expectedSize
                    + " bytes, read " + copied + "); pack again when nothing writes to it");
        }
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + reason(e), e);
        }
    }

    /** A fresh SHA-256 digest, the hash WACZ resources are listed with. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The {@code sha256:<hex>} form datapackage.json uses. */
    static String hash(MessageDigest sha256) {
        return "sha256:" + HexFormat.of().formatHex(sha256.digest());
    }

    /** A few words for an I/O failure; NIO's own messages are often only the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file (was it deleted while packing?)";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
