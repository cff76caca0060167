package io.linkshelf.crawl;

import java.io.IOException;
import java.net.Socket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates connections that record their bytes into the recorder of the fetch running on the calling thread.
 *
 * <p>httpclient's classic (blocking) API creates and uses a connection on the thread that called
 * {@code execute}, so a thread-local hand-over is enough to tie a new connection to its exchange. A
 * connection created with no fetch in progress records into a throw-away recorder.
 */
final class RecordingConnectionFactory implements HttpConnectionFactory<ManagedHttpClientConnection> {

    private final ThreadLocal<FetchRecorder> current = new ThreadLocal<>();

    /** Makes connections created on this thread record into {@code recorder} until {@link #detach()}. */
    void attach(FetchRecorder recorder) {
        current.set(recorder);
    }

    void detach() {
        current.remove();
    }

    @Override
    public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
        FetchRecorder recorder = current.get();
        RecordingConnection connection = new RecordingConnection(recorder == null ? new FetchRecorder() : recorder);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }
}
