package io.linkshelf.crawl;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * An httpclient connection whose socket streams are tapped by a {@link FetchRecorder}. httpclient's own
 * managed connection is final and package-private, so this re-implements its small contract on top of
 * httpcore's public client connection.
 *
 * <p>A kept-alive connection serves one exchange after another; its bytes go to the recorder of the
 * exchange running at the time (see {@link RecordingConnectionFactory}).
 */
final class RecordingConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

    private final RecordingSocketHolder.RecorderSource recorder;
    private volatile Timeout socketTimeout = Timeout.DISABLED;

    RecordingConnection(RecordingSocketHolder.RecorderSource recorder) {
        super(Http1Config.DEFAULT, null, null,
                DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE, null,
                DefaultHttpRequestWriterFactory.INSTANCE, DefaultHttpResponseParserFactory.INSTANCE);
        this.recorder = recorder;
    }

    @Override
    public void bind(Socket socket) throws IOException {
        if (socket instanceof SSLSocket ssl) {
            // httpclient upgrades a proxy tunnel by re-binding the TLS socket alone.
            restart();
            super.bind(new RecordingSocketHolder(ssl, ssl, recorder));
        } else {
            super.bind(new RecordingSocketHolder(socket, recorder));
        }
        socketTimeout = Timeout.ofMilliseconds(socket.getSoTimeout());
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        restart();
        super.bind(new RecordingSocketHolder(sslSocket, socket, recorder));
        socketTimeout = Timeout.ofMilliseconds(sslSocket.getSoTimeout());
    }

    /** Anything recorded before a TLS upgrade was the proxy's CONNECT exchange, not the target's. */
    private void restart() throws IOException {
        FetchRecorder current = recorder.current();
        if (current != null) {
            current.restart();
        }
    }

    @Override
    public @Nullable Socket getSocket() {
        var holder = getSocketHolder();
        return holder == null ? null : holder.getSocket();
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }
}
