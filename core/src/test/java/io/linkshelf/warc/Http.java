package io.linkshelf.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Raw HTTP bytes built by hand, as a socket would have carried them. */
final class Http {
    static final String HTML = "<!doctype html><html><head><title>搜索排序</title></head><body>"
            + "<p>" + "召回、粗排、精排与重排。".repeat(60) + "</p></body></html>";

    private Http() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] request(URI target, String... extraHeaders) {
        StringBuilder s = new StringBuilder("GET ").append(target.getRawPath());
        if (target.getRawQuery() != null) {
            s.append('?').append(target.getRawQuery());
        }
        s.append(" HTTP/1.1\r\nHost: ").append(target.getHost()).append("\r\n")
                .append("User-Agent: linkshelf/test (+https://example.org/bot)\r\n")
                .append("Accept-Encoding: gzip\r\n");
        for (String header : extraHeaders) {
            s.append(header).append("\r\n");
        }
        return ascii(s.append("\r\n").toString());
    }

    static byte[] ok(String contentType, byte[] body, String... extraHeaders) {
        StringBuilder s = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: ").append(contentType)
                .append("\r\nContent-Length: ").append(body.length).append("\r\n");
        for (String header : extraHeaders) {
            s.append(header).append("\r\n");
        }
        return concat(ascii(s.append("\r\n").toString()), body);
    }

    static byte[] html() {
        return ok("text/html; charset=utf-8", HTML.getBytes(StandardCharsets.UTF_8),
                "Set-Cookie: rewardsn=; Path=/; HttpOnly", "ETag: \"v1\"");
    }

    /** The HTML gzip-encoded, then sent in chunks of {@code chunkSize} bytes. */
    static byte[] chunkedGzipHtml(int chunkSize) {
        byte[] entity = gzip(HTML.getBytes(StandardCharsets.UTF_8));
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Encoding: gzip\r\n"
                + "Transfer-Encoding: chunked\r\nETag: \"v1\"\r\n\r\n";
        return concat(ascii(head), chunked(entity, chunkSize));
    }

    static byte[] chunked(byte[] entity, int chunkSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < entity.length; i += chunkSize) {
            int n = Math.min(chunkSize, entity.length - i);
            out.writeBytes(ascii(Integer.toHexString(n) + "\r\n"));
            out.write(entity, i, n);
            out.writeBytes(ascii("\r\n"));
        }
        out.writeBytes(ascii("0\r\n\r\n"));
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] notModified() {
        return ascii("HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nCache-Control: max-age=0\r\n\r\n");
    }
}
