package io.linkshelf.crawl;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.core5.http.impl.io.SocketHolder;

/** Hands httpcore socket streams that copy every byte read or written into the exchange's recorder. */
final class RecordingSocketHolder extends SocketHolder {

    private final FetchRecorder recorder;

    RecordingSocketHolder(Socket socket, FetchRecorder recorder) {
        super(socket);
        this.recorder = recorder;
    }

    RecordingSocketHolder(SSLSocket sslSocket, Socket baseSocket, FetchRecorder recorder) {
        super(sslSocket, baseSocket);
        this.recorder = recorder;
    }

    @Override
    protected InputStream getInputStream(Socket socket) throws IOException {
        return new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    recorder.received(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int count = super.read(buffer, offset, length);
                if (count > 0) {
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
                recorder.sent(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                recorder.sent(buffer, offset, length);
            }
        };
    }
}
