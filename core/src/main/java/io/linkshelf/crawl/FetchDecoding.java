package io.linkshelf.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Removes a body's Content-Encoding (gzip, deflate) with a cap on the decoded size, so a small gzip bomb
 * stops at the cap instead of filling the heap.
 */
final class FetchDecoding {

    /** The decoded body, or that the cap was hit. */
    record Decoded(byte[] body, boolean overCap) {}

    private FetchDecoding() {}

    /**
     * Decodes {@code raw} as described by the Content-Encoding header value.
     *
     * @throws UnsupportedEncodingException for an encoding other than gzip, deflate or identity
     * @throws IOException if the encoded data is corrupt
     */
    static Decoded decode(byte[] raw, Optional<String> contentEncoding, long cap) throws IOException {
        List<String> codings = new ArrayList<>();
        for (String coding : contentEncoding.orElse("").split(",")) {
            String c = coding.trim().toLowerCase(Locale.ROOT);
            if (!c.isEmpty() && !c.equals("identity")) {
                codings.add(c);
            }
        }
        if (codings.isEmpty()) {
            return raw.length > cap ? new Decoded(new byte[0], true) : new Decoded(raw, false);
        }
        // Codings are listed in the order they were applied, so undo them from the last one.
        Collections.reverse(codings);
        byte[] data = raw;
        for (String coding : codings) {
            Decoded step = decodeOne(data, coding, cap);
            if (step.overCap()) {
                return step;
            }
            data = step.body();
        }
        return new Decoded(data, false);
    }

    private static Decoded decodeOne(byte[] data, String coding, long cap) throws IOException {
        switch (coding) {
            case "gzip", "x-gzip" -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
                    return readCapped(in, cap);
                }
            }
            case "deflate" -> {
                // RFC 9110 says zlib-wrapped, but some servers send raw deflate; the zlib header tells them apart.
                boolean zlib = data.length >= 2 && (data[0] & 0x0f) == 8 && (((data[0] & 0xff) << 8) | (data[1] & 0xff)) % 31 == 0;
                Inflater inflater = new Inflater(!zlib);
                try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data), inflater, 8192)) {
                    return readCapped(in, cap);
                } finally {
                    inflater.end();
                }
            }
            default -> throw new UnsupportedEncodingException(coding);
        }
    }

    private static Decoded readCapped(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > cap) {
                return new Decoded(new byte[0], true);
            }
            out.write(buffer, 0, n);
        }
        return new Decoded(out.toByteArray(), false);
    }

    /** A Content-Encoding we neither asked for nor can decode. */
    static final class UnsupportedEncodingException extends IOException {
        private static final long serialVersionUID = 1L;

        UnsupportedEncodingException(String coding) {
            super("unsupported Content-Encoding \"" + coding + "\"");
        }
    }
}
