package io.linkshelf.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Whole-file writes, one policy for every package: the content goes to a hidden temp file in the
 * target's directory, is (for {@link Durability#DURABLE} files) forced to disk, and is renamed over
 * the target, whose directory is then forced too; a reader or a killed run sees the old file or the
 * new one, never half of one. The temp file is created by a plain open, so the file gets the
 * process umask's permissions (0644 under umask 022), not {@code createTempFile}'s owner-only 0600,
 * which a rename would carry over and which breaks serving the mirror from a web server.
 */
public final class AtomicFiles {

    /** How hard a write tries to survive a power cut. */
    public enum Durability {
        /** Derived views (mirror, text store, reports, grep index): rebuilt from the archive if lost; renamed only. */
        DERIVED,
        /** Archive truth and its index (manifests, CDXJ, state) and packs: file and directory forced before and after the rename. */
        DURABLE
    }

    /** Writes a temp file's content; the temp file exists (empty) when it is called. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path temp) throws IOException;
    }

    private AtomicFiles() {}

    /** Writes the bytes to {@code target} whole or not at all, as a derived file; returns how many were written. */
    public static long write(Path target, byte[] bytes) throws IOException {
        return write(target, bytes, Durability.DERIVED);
    }

    /** Writes the text as UTF-8, whole or not at all, as a derived file; returns the byte count. */
    public static long write(Path target, String text) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes whole or not at all with the given durability; returns the byte count. */
    public static long write(Path target, byte[] bytes, Durability durability) throws IOException {
        replace(target, durability, temp -> {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
        });
        return bytes.length;
    }

    /**
     * Replaces {@code target} with what {@code content} writes to a temp file beside it; on any failure the
     * temp file is deleted and the target left as it was.
     */
    public static void replace(Path target, Durability durability, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A dot in front and .tmp behind: neither rg, grep's *.txt globs nor a web browser's listing see it.
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        try {
            content.writeTo(temp);
            if (durability == Durability.DURABLE) {
                force(temp);
            }
            rename(temp, target);
            if (durability == Durability.DURABLE) {
                forceDirectory(dir);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renames {@code from} to {@code to}, replacing it, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        rename(from, to);
    }

    /**
     * Deletes what a killed writer of {@code target} left beside it: hidden {@code .<name>.*.tmp} files and
     * the older {@code .<name>.partial}. Only for a caller that alone writes the target (it holds a lock).
     */
    public static void sweep(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(prefix) && (name.endsWith(".tmp") || name.equals(prefix + "partial"));
        })) {
            for (Path leftover : files) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Forces a file's content and metadata to disk. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a directory's entries (a rename into it) to disk, where the platform can. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; its rename is durable on its own there.
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
