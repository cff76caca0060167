package io.linkshelf.search;

import io.linkshelf.snapshot.ArchiveLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text store's file format and layout. A file is six header lines ({@link TextHeader#LABELS}),
 * a blank line and the body. The latest version of an article is {@code text/<key>.txt}; earlier
 * versions are {@code text/.history/<key>/<snapshot>.txt}, in a hidden directory so that
 * {@code rg archive/text} searches each article once (its latest version), while {@code grep -r}
 * and {@code rg --hidden} search every version, each exactly once.
 */
final class TextFiles {

    static final String HISTORY = ArchiveLayout.TEXT_HISTORY;
    /** The body's first line number: six header lines and a blank line come before it. */
    static final int BODY_FIRST_LINE = TextHeader.LABELS.length + 2;

    private static final Pattern SNAPSHOT = Pattern.compile("\\d{8}T\\d{6}Z");

    private TextFiles() {}

    static Path latest(Path textDir, String key) {
        return textDir.resolve(checkKey(key) + ".txt");
    }

    static Path history(Path textDir, String key, String snapshot) {
        if (!SNAPSHOT.matcher(snapshot).matches()) {
            throw new IllegalArgumentException("not a snapshot id: " + snapshot);
        }
        return textDir.resolve(HISTORY).resolve(checkKey(key)).resolve(snapshot + ".txt");
    }

    /** Whether {@code key} is an article key, {@code [a-z0-9][a-z0-9._-]*}: checked by hand, grep asks for every file. */
    static boolean isKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    static boolean isSnapshot(String snapshot) {
        return SNAPSHOT.matcher(snapshot).matches();
    }

    private static String checkKey(String key) {
        if (!isKey(key)) {
            throw new IllegalArgumentException("not an article key: " + key);
        }
        return key;
    }

    /** The file's text: header lines, a blank line, the body with Unix line ends and one final newline. */
    static String render(TextHeader header, String body) {
        StringBuilder out = new StringBuilder(body.length() + 512);
        for (int i = 0; i < TextHeader.LABELS.length; i++) {
            out.append(TextHeader.LABELS[i]).append(": ").append(header.value(i)).append('\n');
        }
        out.append('\n');
        String text = body.replace("\r\n", "\n").replace('\r', '\n').strip();
        out.append(text);
        if (!text.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    /** A parsed file: its header and the byte offset where the body starts. */
    record Parsed(TextHeader header, int bodyStart) {}

    /**
     * Reads the header off a file's bytes. A file without the header (say, one a user dropped in)
     * is all body, with an empty header.
     */
    static Parsed parse(byte[] bytes, int length) {
        String[] values = new String[TextHeader.LABELS.length];
        int pos = 0;
        for (int i = 0; i < values.length; i++) {
            int end = indexOf(bytes, (byte) '\n', pos, length);
            String label = TextHeader.LABELS[i] + ":";
            if (end < 0 || !startsWith(bytes, pos, end, label)) {
                return new Parsed(new TextHeader("", "", "", "", "", ""), 0);
            }
            values[i] = new String(bytes, pos + label.length(), end - pos - label.length(), StandardCharsets.UTF_8).strip();
            pos = end + 1;
        }
        if (pos < length && bytes[pos] == '\n') {
            pos++;
        }
        return new Parsed(new TextHeader(values[0], values[1], values[2], values[3], values[4], values[5]), pos);
    }

    /** The snapshot a file's header names, reading only the file's head. */
    static Optional<String> snapshotOf(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        String snapshot = parse(head, head.length).header().snapshot();
        return isSnapshot(snapshot) ? Optional.of(snapshot) : Optional.empty();
    }

    static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int from, int to, String ascii) {
        if (to - from < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
