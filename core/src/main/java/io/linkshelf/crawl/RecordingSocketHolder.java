package io.linkshelf.crawl;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.jspecify.annotations.Nullable;

/**
 * Hands httpcore socket streams that copy every byte read or written into the recorder of the exchange
 * running at the time, and tell that recorder which address it talks to.
 */
final class RecordingSocketHolder extends SocketHolder {

    /** Where the current exchange's recorder is found; null while no exchange runs. */
    @FunctionalInterface
    interface RecorderSource {
        @Nullable FetchRecorder current();
    }

    private final RecorderSource source;
    private final Socket base;

    RecordingSocketHolder(Socket socket, RecorderSource source) {
        super(socket);
        this.source = source;
        this.base = socket;
    }

    RecordingSocketHolder(SSLSocket sslSocket, Socket baseSocket, RecorderSource source) {
        super(sslSocket, baseSocket);
        this.source = source;
        this.base = baseSocket;
    }

    private @Nullable FetchRecorder recorder() {
        FetchRecorder recorder = source.current();
        if (recorder != null) {
            recorder.connected(base);
        }
        return recorder;
    }

    @Override
    protected InputStream getInputStream(Socket socket) throws IOException {
        return new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                FetchRecorder recorder = recorder();
                if (b >= 0 && recorder != null) {
                    recorder.received(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                FetchRecorder recorder = recorder();
                if (count > 0 && recorder != null) {
                    recorder.received(buffer, offset, count);
                }
                return count;
            }

            @Override
            public long skip(long n) throws IOException {
                // Skipped bytes would be missing from the record, so read them instead.
                byte[] buffer = new byte[(int) Math.min(n, 8192)];
                int count = read(buffer, 0, buffer.length);
                return Math.max(count, 0);
            }
        };
    }

    @Override
    protected OutputStream getOutputStream(Socket socket) throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                FetchRecorder recorder = recorder();
                if (recorder != null) {
                    recorder.sent(new byte[] {(byte) b}, 0, 1);
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                FetchRecorder recorder = recorder();
                if (recorder != null) {
                    recorder.sent(buffer, offset, length);
                }
            }
        };
    }
}
