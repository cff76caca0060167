package io.linkshelf.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * A raw-socket HTTP/1.1 server for tests, listening on one port on several loopback addresses that act as different
 * hosts. Each connection is served on its own daemon thread; keep-alive is honoured.
 *
 * <p>Route matching: a request arriving on host H for target {@code /p?q} is answered by the first of these routes
 * that exists: {@code on(H, "/p?q")}, {@code on(H, "/p")}, {@code onAnyHost("/p?q")}, {@code onAnyHost("/p")}. So a
 * route registered with a query matches only that exact query string; one registered without a query matches its
 * path with any query or none. Registering the same host and target again replaces the route. No match gives 404.
 *
 * <p>Thread-safe: routes may be added while requests are served. Typical use:
 * <pre>{@code
 * try (TestServer server = TestServer.start("127.0.0.1", "127.0.0.2")) {
 *     server.on("127.0.0.2", "/s?__biz=a&mid=1&idx=1")
 *             .respond(Response.status(503), Response.ok("text/html; charset=utf-8", html, UTF_8));
 *     // crawl server.uri("127.0.0.2", "/s?__biz=a&mid=1&idx=1") ...
 *     assertThat(server.stats("127.0.0.2").maxInFlightRequests()).isEqualTo(1);
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 5;
    private static final String ANY_HOST = "*";

    private final List<ServerSocket> serverSockets;
    private final int port;
    private final Map<String, HostCounters> counters = new LinkedHashMap<>();
    private final Map<RouteKey, Function<RecordedRequest, Response>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> log = new ArrayList<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService threads;
    private final Optional<SSLSocketFactory> tls;

    private TestServer(List<ServerSocket> serverSockets, Optional<SSLContext> tls) {
        this.tls = tls.map(SSLContext::getSocketFactory);
        this.serverSockets = List.copyOf(serverSockets);
        this.port = serverSockets.get(0).getLocalPort();
        AtomicInteger threadNumber = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-server-" + port + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (ServerSocket serverSocket : serverSockets) {
            String host = serverSocket.getInetAddress().getHostAddress();
            HostCounters hostCounters = new HostCounters();
            counters.put(host, hostCounters);
            threads.execute(() -> acceptLoop(serverSocket, host, hostCounters));
        }
    }

    /**
     * Starts a server on the same free port on each loopback address given (default {@code 127.0.0.1}).
     *
     * @throws IOException if no port could be bound on all addresses after a few attempts
     */
    public static TestServer start(String... loopbackAddresses) throws IOException {
        return start(Optional.empty(), loopbackAddresses);
    }

    /**
     * Starts an https server (TLS with the context's key, see {@link TestTls}) like {@link #start}; its
     * {@link #uri} gives {@code https} URIs.
     */
    public static TestServer startTls(SSLContext serverContext, String... loopbackAddresses) throws IOException {
        return start(Optional.of(serverContext), loopbackAddresses);
    }

    private static TestServer start(Optional<SSLContext> tls, String... loopbackAddresses) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : loopbackAddresses.length == 0 ? new String[] {"127.0.0.1"} : loopbackAddresses) {
            InetAddress inet = InetAddress.getByName(address);
            if (!inet.isLoopbackAddress() || addresses.contains(inet)) {
                throw new IllegalArgumentException("not a distinct loopback address: " + address);
            }
            addresses.add(inet);
        }
        @Nullable BindException lastFailure = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            List<ServerSocket> bound = new ArrayList<>();
            try {
                for (InetAddress address : addresses) {
                    ServerSocket serverSocket = new ServerSocket();
                    bound.add(serverSocket);
                    int wanted = bound.size() == 1 ? 0 : bound.get(0).getLocalPort();
                    serverSocket.bind(new InetSocketAddress(address, wanted), 64);
                }
                return new TestServer(bound, tls);
            } catch (BindException e) {
                lastFailure = e; // the first socket's port was taken on another address: try a new port
                bound.forEach(TestServer::closeQuietly);
            } catch (IOException | RuntimeException e) {
                bound.forEach(TestServer::closeQuietly);
                throw e;
            }
        }
        throw new IOException("could not bind one port on all of " + addresses + " in " + BIND_ATTEMPTS
                + " attempts", lastFailure);
    }

    /** The port shared by all addresses. */
    public int port() {
        return port;
    }

    /** The addresses listened on, in the order given to {@link #start}. */
    public List<String> hosts() {
        return List.copyOf(counters.keySet());
    }

    /** An {@code http} URI for this server on the given host, e.g. {@code uri("127.0.0.2", "/s?__biz=x")}. */
    public URI uri(String host, String pathAndQuery) {
        requireTarget(pathAndQuery);
        String authority = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return URI.create((tls.isPresent() ? "https://" : "http://") + authority + ":" + port + pathAndQuery);
    }

    /** Starts a route for requests arriving on {@code host} (one of {@link #hosts()}) for {@code target}. */
    public Route on(String host, String target) {
        hostCounters(host);
        return new Route(new RouteKey(host, requireTarget(target)));
    }

    /** Starts a route for {@code target} on every host; host-specific routes win over it. */
    public Route onAnyHost(String target) {
        return new Route(new RouteKey(ANY_HOST, requireTarget(target)));
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** The requests that arrived on {@code host}, in arrival order. */
    public List<RecordedRequest> requests(String host) {
        return requests().stream().filter(r -> r.host().equals(host)).toList();
    }

    /**
     * The requests on {@code host} for {@code target}, matched like routes: a target with a query must equal the
     * request's, one without a query matches the request's path.
     */
    public List<RecordedRequest> requestsTo(String host, String target) {
        boolean withQuery = target.indexOf('?') >= 0;
        return requests(host).stream().filter(r -> (withQuery ? r.target() : r.path()).equals(target)).toList();
    }

    /**
     * Waits until at least {@code count} requests have arrived and returns all of them.
     *
     * @throws AssertionError if fewer arrived within the timeout; the message lists those that did
     */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (log) {
            while (log.size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("expected " + count + " requests within " + timeout + " but got "
                            + log.size() + ": " + log);
                }
                TimeUnit.NANOSECONDS.timedWait(log, remaining);
            }
            return List.copyOf(log);
        }
    }

    /** Connection and concurrency figures for one host so far. */
    public HostStats stats(String host) {
        return hostCounters(host).snapshot();
    }

    /** Stops listening, closes every open connection and interrupts every handler; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        serverSockets.forEach(TestServer::closeQuietly);
        openSockets.forEach(TestServer::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    void forget(Socket socket) {
        openSockets.remove(socket);
    }

    void record(RecordedRequest request) {
        synchronized (log) {
            log.add(request);
            log.notifyAll();
        }
    }

    Response dispatch(RecordedRequest request) {
        String target = request.target();
        String path = request.path();
        Optional<Function<RecordedRequest, Response>> route = route(request.host(), target)
                .or(() -> route(request.host(), path))
                .or(() -> route(ANY_HOST, target))
                .or(() -> route(ANY_HOST, path));
        if (route.isEmpty()) {
            return Response.plainText(404, "no route for " + request.method() + " " + target + " on "
                    + request.host() + "\n");
        }
        try {
            return route.get().apply(request);
        } catch (RuntimeException e) {
            return Response.plainText(500, "route for " + target + " failed: " + e + "\n");
        }
    }

    private Optional<Function<RecordedRequest, Response>> route(String host, String target) {
        return Optional.ofNullable(routes.get(new RouteKey(host, target)));
    }

    private void acceptLoop(ServerSocket serverSocket, String host, HostCounters hostCounters) {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                return; // closed by close(), or broken beyond use
            }
            if (tls.isPresent()) {
                try {
                    // server mode; the handshake happens on the handler's first read
                    socket = tls.get().createSocket(socket, null, true);
                } catch (IOException e) {
                    closeQuietly(socket);
                    continue;
                }
            }
            openSockets.add(socket);
            hostCounters.connectionOpened();
            try {
                if (closed.get()) {
                    throw new RejectedExecutionException("server closed");
                }
                threads.execute(new ConnectionHandler(this, socket, connectionIds.incrementAndGet(), host,
                        hostCounters));
            } catch (RejectedExecutionException e) {
                hostCounters.connectionClosed();
                forget(socket);
                closeQuietly(socket);
                return;
            }
        }
    }

    private HostCounters hostCounters(String host) {
        HostCounters hostCounters = counters.get(host);
        if (hostCounters == null) {
            throw new IllegalArgumentException("not listening on " + host + "; hosts are " + counters.keySet());
        }
        return hostCounters;
    }

    private static String requireTarget(String target) {
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must start with '/': " + target);
        }
        return target;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing during shutdown; there is nobody to tell.
        }
    }

    /** A route being registered; finish it with {@code respond} or {@code respondWith}. */
    public final class Route {
        private final RouteKey key;

        private Route(RouteKey key) {
            this.key = key;
        }

        /** Answers the first request with {@code first}, the next ones with {@code then} in order; the last repeats. */
        public TestServer respond(Response first, Response... then) {
            List<Response> sequence = new ArrayList<>();
            sequence.add(first);
            sequence.addAll(List.of(then));
            AtomicInteger calls = new AtomicInteger();
            return respondWith(request -> sequence.get(Math.min(calls.getAndIncrement(), sequence.size() - 1)));
        }

        /** Answers every request with what the handler returns; a handler that throws gives a 500. */
        public TestServer respondWith(Function<RecordedRequest, Response> handler) {
            routes.put(key, handler);
            return TestServer.this;
        }
    }

    /**
     * What the server saw on one host.
     *
     * @param connections connections accepted so far
     * @param openConnections connections open right now
     * @param maxOpenConnections the most connections open at the same time
     * @param maxInFlightRequests the most requests in flight at the same time, from arrival to the end of the response
     */
    public record HostStats(int connections, int openConnections, int maxOpenConnections, int maxInFlightRequests) {
    }

    private record RouteKey(String host, String target) {
    }
}
