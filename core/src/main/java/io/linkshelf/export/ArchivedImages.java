package io.linkshelf.export;

import io.linkshelf.archive.ArchiveView;
import io.linkshelf.mirror.ImageStore;
import io.linkshelf.warc.Capture;
import io.linkshelf.warc.CaptureReader;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The images the archive holds, by URL, read from WARC when an export needs their bytes. Files are named as in the
 * mirror: the SHA-1 of the bytes and an extension found from the bytes, never from the URL.
 */
final class ArchivedImages {

    /** An image read from the archive. */
    record Image(String name, String mediaType, byte[] bytes) {}

    private final ArchiveView view;
    private final Map<String, Capture> captures;

    ArchivedImages(ArchiveView view) {
        this.view = view;
        this.captures = view.images();
    }

    /** The response record that would serve this URL, or "-": what a fingerprint needs, without reading the WARC. */
    String recordOf(String url) {
        Capture c = captures.get(url);
        return c == null || !good(c) ? "-" : c.responseRecordId();
    }

    String whyMissing(String url) {
        Capture c = captures.get(url);
        if (c == null) {
            return "not captured";
        }
        return good(c) ? "not an image" : "HTTP " + c.status();
    }

    /** The image at this URL; empty if it was never captured whole or its bytes are no known image format. */
    Optional<Image> read(String url) throws IOException {
        Capture capture = captures.get(url);
        if (capture == null || !good(capture)) {
            return Optional.empty();
        }
        CaptureReader.StoredResponse stored = view.read(capture);
        byte[] payload = stored.payload();
        Optional<String> ext = ImageStore.extension(payload);
        if (ext.isEmpty() || stored.truncated().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Image(sha1Hex(payload) + "." + ext.get(), mediaType(ext.get()), payload));
    }

    private static boolean good(Capture c) {
        return c.status() >= 200 && c.status() < 300;
    }

    static String mediaType(String ext) {
        return switch (ext) {
            case "jpg" -> "image/jpeg";
            case "svg" -> "image/svg+xml";
            default -> "image/" + ext;
        };
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
