package io.linkshelf.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback static file server with HTTP byte ranges, as replay tools need to read records out of a WACZ without
 * downloading it: {@code Range: bytes=a-b}, {@code bytes=a-} and the suffix form {@code bytes=-N} (the last N bytes,
 * which is how a ZIP reader finds the central directory), answered with 206 and {@code Content-Range}; an
 * unsatisfiable range gets 416. Serves one folder at {@code /} and single files at fixed paths, GET and HEAD only.
 */
public final class RangeFileServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "application/javascript"),
            Map.entry("json", "application/json"), Map.entry("css", "text/css"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("ico", "image/x-icon"), Map.entry("wasm", "application/wasm"),
            Map.entry("wacz", "application/wacz+zip"));

    /** One request as served: method, path, the Range header if any, and the status sent. */
    public record Served(String method, String path, Optional<String> range, int status) {
    }

    private final HttpServer server;
    private final ExecutorService pool;
    private final Path root;
    private final Map<String, Path> files;
    private final List<Served> log = new CopyOnWriteArrayList<>();

    private RangeFileServer(Path root, Map<String, Path> files) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.files = Map.copyOf(files);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        this.pool = Executors.newFixedThreadPool(8);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Serves {@code root} at {@code /}, and each of {@code files} at its path (such as {@code /fixture.wacz}).
     */
    public static RangeFileServer start(Path root, Map<String, Path> files) throws IOException {
        return new RangeFileServer(root, files);
    }

    /** {@code http://127.0.0.1:<port>} plus the path. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request served so far, in order. */
    public List<Served> served() {
        return List.copyOf(log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Optional<String> range = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Range"));
            int status = serve(exchange, method, path, range);
            log.add(new Served(method, path, range, status));
        }
    }

    private int serve(HttpExchange exchange, String method, String path, Optional<String> range) throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return empty(exchange, 405);
        }
        Optional<Path> file = resolve(path);
        if (file.isEmpty()) {
            return empty(exchange, 404);
        }
        long size = Files.size(file.get());
        long start = 0;
        long end = size - 1;
        int status = 200;
        if (range.isPresent()) {
            Matcher m = RANGE.matcher(range.get().strip());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                return unsatisfiable(exchange, size);
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
            }
            if (start >= size || start > end) {
                return unsatisfiable(exchange, size);
            }
            status = 206;
            exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        exchange.getResponseHeaders().set("Content-Type", type(file.get()));
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return status;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        try (FileChannel channel = FileChannel.open(file.get()); OutputStream out = exchange.getResponseBody()) {
            channel.position(start);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        } catch (IOException clientWentAway) {
            // a reader that had enough closes early; nothing to do
        }
        return status;
    }

    private Optional<Path> resolve(String path) {
        Path fixed = files.get(path);
        if (fixed != null) {
            return Optional.of(fixed);
        }
        String relative = path.endsWith("/") ? path + "index.html" : path;
        Path file = root.resolve(relative.substring(1)).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static int unsatisfiable(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
        return empty(exchange, 416);
    }

    private static int empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        return status;
    }

    private static String type(Path file) {
        String name = file.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
