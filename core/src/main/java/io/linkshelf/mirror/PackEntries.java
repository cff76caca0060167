package io.linkshelf.mirror;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders and files of a site directory as pack entries under one top-level folder: relative names with
 * {@code /} separators, sorted so that the same site always packs the same way. Symbolic links are never followed
 * (a link could reach anything on the disk); they and special files are left out with a warning.
 */
final class PackEntries {

    private static final Logger LOG = LoggerFactory.getLogger(PackEntries.class);

    /**
     * One pack entry.
     *
     * @param name the name inside the pack; folders end in {@code /}
     * @param file the file or folder on disk
     * @param directory whether it is a folder
     * @param size the file's size when listed (0 for folders)
     */
    record Entry(String name, Path file, boolean directory, long size) {
        Entry {
            if (!isSafeName(name)) {
                throw new IllegalArgumentException("unsafe pack entry name: " + name);
            }
            if (size < 0 || (directory && size != 0)) {
                throw new IllegalArgumentException("bad size " + size + " for " + name);
            }
        }
    }

    private PackEntries() {
    }

    /**
     * Lists {@code siteDir} (a link to it is followed: that is where the user says the site is) as entries under
     * {@code topFolder/}, leaving out {@code excluded} (the packs folder, should it lie inside the site).
     */
    static List<Entry> list(Path siteDir, String topFolder, Optional<Path> excluded) throws IOException {
        Path root = siteDir.toRealPath();
        Optional<Path> skip = excluded.filter(Files::isDirectory).map(PackEntries::realPath);
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (skip.isPresent() && skip.get().equals(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.add(new Entry(name(topFolder, root, dir) + "/", dir, true, 0));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isSymbolicLink()) {
                    LOG.warn("not packing {}: it is a symbolic link, and packs never follow links", file);
                } else if (attrs.isRegularFile()) {
                    entries.add(new Entry(name(topFolder, root, file), file, false, attrs.size()));
                } else {
                    LOG.warn("not packing {}: not a regular file", file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new IOException("cannot list " + file + " for packing: " + PackFiles.reason(e), e);
            }
        });
        entries.sort(Comparator.comparing(Entry::name));
        return List.copyOf(entries);
    }

    /** Whether a pack entry name is relative, uses only {@code /} and never climbs out of the pack. */
    static boolean isSafeName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            return false;
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                return false;
            }
        }
        return true;
    }

    private static String name(String topFolder, Path root, Path file) throws IOException {
        StringBuilder name = new StringBuilder(topFolder);
        for (Path segment : root.relativize(file)) {
            String text = segment.toString();
            if (text.isEmpty()) {
                continue; // the root itself relativizes to one empty segment
            }
            name.append('/').append(text);
        }
        String result = name.toString();
        if (!isSafeName(result) && !isSafeName(result + "/")) {
            throw new IOException("cannot pack " + file + ": its name holds a backslash or a control character, which"
                    + " unpacking tools would read as a folder separator or mangle; rename it");
        }
        return result;
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
