package io.linkshelf.crawl;

import java.io.IOException;
import java.net.Socket;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.jspecify.annotations.Nullable;

/**
 * Creates connections that record their bytes into the recorder of the exchange running on the calling thread.
 *
 * <p>httpclient's classic (blocking) API does all of an exchange's socket I/O on the thread that called
 * {@code execute}, so a thread-local hand-over ties every byte to its exchange, also on a kept-alive
 * connection that carries one exchange after another. Bytes moved with no exchange attached (a pool
 * closing an idle connection) are recorded nowhere.
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

    /** The recorder of the exchange running on this thread, if one is. */
    @Nullable FetchRecorder current() {
        return current.get();
    }

    @Override
    public ManagedHttpClientConnection createConnection(@Nullable Socket socket) throws IOException {
        RecordingConnection connection = new RecordingConnection(this::current);
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }
}
