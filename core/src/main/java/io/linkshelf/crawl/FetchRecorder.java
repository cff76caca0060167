package io.linkshelf.crawl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

/**
 * The bytes of one exchange as they crossed the socket: what we wrote and what we read. For TLS these are
 * the plaintext bytes above the TLS layer, which is what a WARC request/response record holds.
 */
final class FetchRecorder {

    /** Our requests are a GET line and a few headers; anything near this size is a bug, not a page. */
    private static final int MAX_REQUEST_BYTES = 256 * 1024;

    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private final Spool response = new Spool();
    private Optional<InetAddress> remoteAddress = Optional.empty();

    synchronized void sent(byte[] bytes, int offset, int count) {
        if (request.size() + count <= MAX_REQUEST_BYTES) {
            request.write(bytes, offset, count);
        }
    }

    void received(byte[] bytes, int offset, int count) throws IOException {
        try {
            response.write(bytes, offset, count);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    synchronized void connected(Socket socket) {
        if (socket.getRemoteSocketAddress() instanceof InetSocketAddress address && address.getAddress() != null) {
            remoteAddress = Optional.of(address.getAddress());
        }
    }

    /**
     * Forgets the bytes recorded so far. Called when a connection is upgraded to TLS: anything before the
     * upgrade was a proxy CONNECT exchange, not part of the exchange with the target.
     */
    synchronized void restart() throws IOException {
        request.reset();
        response.reset();
    }

    synchronized byte[] requestBytes() {
        return request.toByteArray();
    }

    synchronized long requestLength() {
        return request.size();
    }

    Spool response() {
        return response;
    }

    synchronized Optional<InetAddress> remoteAddress() {
        return remoteAddress;
    }
}
