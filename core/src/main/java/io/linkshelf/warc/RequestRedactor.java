package io.linkshelf.warc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces the values of credential-bearing request headers in raw request bytes, leaving every other byte as sent.
 * The header block is handled as ISO-8859-1 so that each byte maps to one char and back unchanged.
 */
final class RequestRedactor {
    static final String TOKEN = "<redacted>";
    private static final Set<String> SECRET_HEADERS = Set.of("cookie", "authorization", "proxy-authorization");

    private RequestRedactor() {
    }

    static byte[] redact(byte[] raw) {
        int headEnd = headEnd(raw);
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(head.length());
        boolean inSecret = false;
        int start = 0;
        boolean first = true;
        while (start < head.length()) {
            int nl = head.indexOf('\n', start);
            int end = nl < 0 ? head.length() : nl + 1;
            String line = head.substring(start, end);
            start = end;
            if (first) {
                out.append(line);
                first = false;
                continue;
            }
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation) {
                // obsolete line folding: the folded part is part of the secret value
                if (!inSecret) {
                    out.append(line);
                }
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            inSecret = SECRET_HEADERS.contains(name);
            if (inSecret) {
                out.append(line, 0, colon + 1).append(' ').append(TOKEN).append(lineEnding(line));
            } else {
                out.append(line);
            }
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(raw.length);
        result.writeBytes(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        result.write(raw, headEnd, raw.length - headEnd);
        return result.toByteArray();
    }

    /** Index just past the blank line ending the header block, or the whole array when there is none. */
    private static int headEnd(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                return i + 3;
            }
        }
        return raw.length;
    }

    private static String lineEnding(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        return line.endsWith("\n") ? "\n" : "";
    }
}
