package io.linkshelf.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/** Serves the requests of one accepted connection, one after another, until either side closes it. */
final class ConnectionHandler implements Runnable {

    /** An idle keep-alive connection is dropped after this long, so no handler thread waits forever. */
    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    /** Gives the client time to read what was sent before the RST makes its kernel drop unread data. */
    private static final long PAUSE_BEFORE_RESET_MILLIS = 100;

    private final TestServer server;
    private final Socket socket;
    private final long connectionId;
    private final String host;
    private final HostCounters counters;

    ConnectionHandler(TestServer server, Socket socket, long connectionId, String host,
            HostCounters counters) {
        this.server = server;
        this.socket = socket;
        this.connectionId = connectionId;
        this.host = host;
        this.counters = counters;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            boolean keepOpen = true;
            while (keepOpen && !server.isClosed()) {
                keepOpen = serveOne(in, out);
            }
        } catch (IOException e) {
            // The client went away, the idle timeout struck, or close() closed the socket: nothing to report.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            counters.connectionClosed();
            server.forget(socket);
        }
    }

    /** Reads and answers one request; returns whether the connection stays open for another. */
    private boolean serveOne(InputStream in, OutputStream out) throws IOException, InterruptedException {
        Optional<RecordedRequest> read;
        try {
            read = readRequest(in, out);
        } catch (BadRequest e) {
            writeResponse(out, "GET", Response.plainText(e.status, e.getMessage() + "\n").closeConnection());
            return false;
        }
        if (read.isEmpty()) {
            return false;
        }
        RecordedRequest request = read.get();
        counters.requestStarted();
        try {
            server.record(request);
            Response response = server.dispatch(request);
            boolean wantsClose = wantsClose(request) || response.closesConnection();
            return writeResponse(out, request.method(), wantsClose ? response.closeConnection() : response);
        } finally {
            counters.requestEnded();
        }
    }

    private Optional<RecordedRequest> readRequest(InputStream in, OutputStream out) throws IOException, BadRequest {
        int b = in.read();
        while (b == '\r' || b == '\n') { // tolerated between requests (RFC 9112, 2.2)
            b = in.read();
        }
        if (b == -1) {
            return Optional.empty();
        }
        Instant arrivedAt = Instant.now();
        long arrivedNanos = System.nanoTime();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.write(b);
        int previous = b;
        int beforePrevious = -1;
        while (true) {
            b = in.read();
            if (b == -1) {
                throw new EOFException("connection " + connectionId + " closed inside a request head");
            }
            raw.write(b);
            if (b == '\n' && (previous == '\n' || (previous == '\r' && beforePrevious == '\n'))) {
                break;
            }
            if (raw.size() > MAX_HEAD_BYTES) {
                throw new BadRequest(431, "request head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            beforePrevious = previous;
            previous = b;
        }
        String head = raw.toString(StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3 || requestLine[0].isEmpty() || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "malformed request line: " + lines[0]);
        }
        List<Header> headers = parseHeaders(lines);
        if (headers.stream().anyMatch(h -> h.is("Transfer-Encoding"))) {
            throw new BadRequest(501, "request bodies with Transfer-Encoding are not supported");
        }
        int length = contentLength(headers);
        boolean expectsContinue = headers.stream()
                .anyMatch(h -> h.is("Expect") && h.value().equalsIgnoreCase("100-continue"));
        if (length > 0 && expectsContinue) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new EOFException("connection " + connectionId + " closed after " + body.length + " of " + length
                    + " request body bytes");
        }
        raw.write(body);
        return Optional.of(new RecordedRequest(host, connectionId, requestLine[0], originForm(requestLine[1]),
                requestLine[2], headers, body, raw.toByteArray(), arrivedAt, arrivedNanos));
    }

    private static List<Header> parseHeaders(String[] lines) throws BadRequest {
        List<Header> headers = new ArrayList<>();
        try {
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !headers.isEmpty()) {
                    Header folded = headers.remove(headers.size() - 1); // obsolete line folding
                    headers.add(new Header(folded.name(), folded.value() + " " + line.strip()));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new BadRequest(400, "malformed header line: " + line);
                }
                headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
        return headers;
    }

    private static int contentLength(List<Header> headers) throws BadRequest {
        List<String> values = headers.stream().filter(h -> h.is("Content-Length")).map(Header::value)
                .distinct().toList();
        if (values.isEmpty()) {
            return 0;
        }
        if (values.size() > 1) {
            throw new BadRequest(400, "conflicting Content-Length values " + values);
        }
        long length;
        try {
            length = Long.parseLong(values.get(0));
        } catch (NumberFormatException e) {
            throw new BadRequest(400, "bad Content-Length " + values.get(0));
        }
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new BadRequest(length < 0 ? 400 : 413, "unacceptable Content-Length " + length);
        }
        return (int) length;
    }

    /** Reduces an absolute-form target (as sent to proxies) to path and query. */
    private static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0 || target.startsWith("/")) {
            return target;
        }
        int start = scheme + 3;
        while (start < target.length() && target.charAt(start) != '/' && target.charAt(start) != '?') {
            start++;
        }
        String rest = target.substring(start);
        return rest.startsWith("/") ? rest : "/" + rest;
    }

    private static boolean wantsClose(RecordedRequest request) {
        List<String> tokens = new ArrayList<>();
        for (String value : request.headerValues("Connection")) {
            for (String token : value.split(",")) {
                tokens.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (tokens.contains("close")) {
            return true;
        }
        return request.version().equals("HTTP/1.0") && !tokens.contains("keep-alive");
    }

    /** Writes the response with its faults; returns whether the connection stays open. */
    private boolean writeResponse(OutputStream out, String method, Response response)
            throws IOException, InterruptedException {
        if (!response.delayBeforeFirstByte().isZero()) {
            Thread.sleep(response.delayBeforeFirstByte().toMillis());
        }
        byte[] payload = response.isGzip() ? gzip(response.bodyBytes()) : response.bodyBytes();
        byte[] wire = response.isChunked() ? chunk(payload) : payload;
        out.write(head(response, payload.length).getBytes(StandardCharsets.UTF_8));
        int length = method.equals("HEAD") ? 0 : wire.length;
        if (response.resetLimit() >= 0) {
            writeBody(out, wire, Math.min(length, response.resetLimit()), response.bytesPerSecond());
            out.flush();
            Thread.sleep(PAUSE_BEFORE_RESET_MILLIS);
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        }
        if (response.shortLimit() >= 0) {
            writeBody(out, wire, Math.min(length, response.shortLimit()), response.bytesPerSecond());
            out.flush();
            socket.close();
            return false;
        }
        writeBody(out, wire, length, response.bytesPerSecond());
        out.flush();
        return !response.closesConnection();
    }

    private static String head(Response response, int payloadLength) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(response.statusCode()).append(' ')
                .append(response.reason()).append("\r\n");
        for (Header header : response.headers()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        List<Header> scripted = response.headers();
        if (response.isGzip() && scripted.stream().noneMatch(h -> h.is("Content-Encoding"))) {
            head.append("Content-Encoding: gzip\r\n");
        }
        boolean framed = scripted.stream().anyMatch(h -> h.is("Content-Length") || h.is("Transfer-Encoding"));
        int status = response.statusCode();
        boolean mayOmitLength = status / 100 == 1 || status == 204 || status == 304;
        if (!framed && response.isChunked()) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (!framed && !(mayOmitLength && payloadLength == 0)) {
            head.append("Content-Length: ").append(payloadLength).append("\r\n");
        }
        if (response.closesConnection() && scripted.stream().noneMatch(h -> h.is("Connection"))) {
            head.append("Connection: close\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static void writeBody(OutputStream out, byte[] wire, int length, long bytesPerSecond)
            throws IOException, InterruptedException {
        if (bytesPerSecond <= 0) {
            out.write(wire, 0, length);
            return;
        }
        out.flush();
        int slice = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytesPerSecond / 20));
        long start = System.nanoTime();
        for (int offset = 0; offset < length; offset += slice) {
            int n = Math.min(slice, length - offset);
            out.write(wire, offset, n);
            out.flush();
            long due = start + (offset + n) * 1_000_000_000L / bytesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(body);
        }
        return compressed.toByteArray();
    }

    /** Frames the payload as three chunks (fewer when it is tiny) and the last-chunk. */
    private static byte[] chunk(byte[] payload) {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        int size = Math.max(1, (payload.length + 2) / 3);
        for (int offset = 0; offset < payload.length; offset += size) {
            int n = Math.min(size, payload.length - offset);
            framed.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            framed.write(payload, offset, n);
            framed.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        framed.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return framed.toByteArray();
    }

    /** A request the server refuses with a status, after which it closes the connection. */
    private static final class BadRequest extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
