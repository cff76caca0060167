package io.linkshelf.search;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lists the text store's files: the latest version of each article and, if asked, the earlier ones. */
final class TextScan {

    /**
     * One file of the store.
     *
     * @param key the article key
     * @param snapshot the version's snapshot for an earlier version (from its name); empty for a latest file until its header is read
     * @param path the file
     * @param latest whether it is the article's latest version
     */
    record Item(String key, String snapshot, Path path, boolean latest) {}

    private TextScan() {}

    static List<Item> list(Path textDir, boolean withHistory) throws IOException {
        List<Item> items = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(textDir, "*.txt")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String key = name.substring(0, name.length() - 4);
                if (TextFiles.isKey(key) && Files.isRegularFile(file)) {
                    items.add(new Item(key, "", file, true));
                }
            }
        }
        Path history = textDir.resolve(TextFiles.HISTORY);
        if (withHistory && Files.isDirectory(history)) {
            try (DirectoryStream<Path> keys = Files.newDirectoryStream(history)) {
                for (Path keyDir : keys) {
                    String key = keyDir.getFileName().toString();
                    if (!TextFiles.isKey(key) || !Files.isDirectory(keyDir)) {
                        continue;
                    }
                    try (DirectoryStream<Path> versions = Files.newDirectoryStream(keyDir, "*.txt")) {
                        for (Path file : versions) {
                            String name = file.getFileName().toString();
                            String snapshot = name.substring(0, name.length() - 4);
                            if (TextFiles.isSnapshot(snapshot)) {
                                items.add(new Item(key, snapshot, file, false));
                            }
                        }
                    }
                }
            }
        }
        return items;
    }
}
