package io.linkshelf.mirror;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.files.AtomicFiles;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.snapshot.ImageCapture;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.ManifestEntry;
import io.linkshelf.snapshot.SnapshotManifest;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CaptureReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's image files: each captured image once, under {@code img/<sha1 of its bytes>.<ext>}, shared by every
 * article that shows it. The extension comes from the bytes themselves, never the URL; a payload that is no known
 * image format (an error page served as 200, say) is not served at all.
 */
final class ImageStore {

    private final ArchiveView view;
    private final Path imgDir;
    /** image URL → the newest good capture of it. */
    private final Map<String, Capture> captures = new HashMap<>();
    /** image URL → why it is missing, for images never captured. */
    private final Map<String, String> failures = new HashMap<>();
    /** response record id → file name under img/, or "" for a payload that is not an image; persisted in the state. */
    private final Map<String, String> files;
    private int written;
    private long bytesWritten;

    ImageStore(ArchiveView view, Path siteDir, Map<String, String> knownFiles) {
        this.view = view;
        this.imgDir = siteDir.resolve(ArchiveLayout.MIRROR_IMAGES);
        this.files = new HashMap<>(knownFiles);
        captures.putAll(view.goodImages());
        failures.putAll(view.imageFailures());
    }

    /** The record id that would serve this URL, for change detection without reading the WARC. */
    String recordOf(String url) {
        Capture c = captures.get(url);
        return c == null ? "-" : c.responseRecordId();
    }

    /** Why the image at this URL is not in the mirror, in a few words. */
    String whyMissing(String url) {
        return failures.getOrDefault(url, captures.containsKey(url) ? "not an image" : "not captured");
    }

    /** The file name under {@code img/} of the image at this URL, writing it on first use; empty if it has none. */
    Optional<String> file(String url) throws IOException {
        Capture capture = captures.get(url);
        if (capture == null) {
            return Optional.empty();
        }
        String known = files.get(capture.responseRecordId());
        if (known != null && (known.isEmpty() || Files.isRegularFile(imgDir.resolve(known)))) {
            return known.isEmpty() ? Optional.empty() : Optional.of(known);
        }
        CaptureReader.StoredResponse stored = view.read(capture);
        byte[] payload = stored.payload();
        Optional<String> ext = extension(payload);
        if (ext.isEmpty() || stored.truncated().isPresent()) {
            files.put(capture.responseRecordId(), "");
            return Optional.empty();
        }
        String name = sha1Hex(payload) + "." + ext.get();
        Path target = imgDir.resolve(name);
        if (!Files.isRegularFile(target)) {
            bytesWritten += AtomicFiles.write(target, payload);
            written++;
        }
        files.put(capture.responseRecordId(), name);
        return Optional.of(name);
    }

    Map<String, String> files() {
        return Map.copyOf(files);
    }

    int written() {
        return written;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** The file extension of an image, by its magic bytes. */
    static Optional<String> extension(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("jpg");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("gif");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("webp");
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p') && (startsWith(b, 8, 'a', 'v', 'i', 'f') || startsWith(b, 8, 'a', 'v', 'i', 's'))) {
            return Optional.of("avif");
        }
        if (startsWith(b, 0, 'B', 'M')) {
            return Optional.of("bmp");
        }
        String head = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).stripLeading();
        if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) && head.contains("<svg")) {
            // Browsers run no script of an SVG shown through <img>.
            return Optional.of("svg");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int at, int... magic) {
        if (bytes.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
