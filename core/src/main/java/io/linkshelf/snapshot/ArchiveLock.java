package io.linkshelf.snapshot;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The archive's single-writer lock (and, with {@link #acquireViews}, the derived views' own): an OS file lock on
 * {@code state/lock} ({@code state/views.lock}), released by the OS when
 * the process dies (so kill -9 never leaves a stale lock), holding who took it for the message
 * the next run shows.
 */
public final class ArchiveLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ArchiveLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or fails with {@link ArchiveLockedException} naming the holder. */
    public static ArchiveLock acquire(Path archive) throws IOException {
        return take(ArchiveLayout.of(archive).lockFile(), false, holder -> new ArchiveLockedException(archive, holder));
    }

    /**
     * Takes the lock of the archive's derived views (the mirror, the text store and its index, exports) or fails
     * naming the holder, so two builds never interleave. It is not the crawl's lock: a crawl only appends WARC and
     * replaces manifests atomically, so a view builds beside it from what the manifests say at its start.
     */
    public static ArchiveLock acquireViews(Path archive) throws IOException {
        return take(ArchiveLayout.of(archive).viewLockFile("views"), false, holder -> new ArchiveLockedException(
                "the derived views (mirror, text store, exports) of " + archive + " are being written by " + holder
                        + "; wait for that build to finish (a crashed build releases the lock by itself)"));
    }

    /** Takes the derived views' lock, waiting for a build that holds it (what a crawl does before its text-store update). */
    public static ArchiveLock awaitViews(Path archive) throws IOException {
        return take(ArchiveLayout.of(archive).viewLockFile("views"), true, holder -> new ArchiveLockedException(
                "the derived views (mirror, text store, exports) of " + archive + " are locked by " + holder));
    }

    private static ArchiveLock take(Path file, boolean wait, java.util.function.Function<String, ArchiveLockedException> busy)
            throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = wait ? channel.lock() : channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (a test, or a bug): as busy as another process
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = readHolder(channel);
            channel.close();
            throw busy.apply(holder);
        }
        String me = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now();
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new ArchiveLock(channel, lock);
    }

    private static String readHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            int n = channel.read(buffer, 0);
            return n <= 0 ? "another linkshelf process" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "another linkshelf process";
        }
    }

    private static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at < 0 ? "this machine" : name.substring(at + 1);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** Another run holds the archive. */
    public static final class ArchiveLockedException extends IOException {
        private static final long serialVersionUID = 1L;

        ArchiveLockedException(Path archive, String holder) {
            super("the archive " + archive + " is in use by " + holder + "; wait for that run to finish"
                    + " (a crashed run releases the lock by itself)");
        }

        ArchiveLockedException(String message) {
            super(message);
        }
    }
}
