package io.linkshelf.crawl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.impl.cookie.BasicClientCookie;

/**
 * A Netscape {@code cookies.txt} as browsers' export extensions write it: one cookie per line with seven
 * tab-separated fields (domain, include-subdomains, path, secure, expiry in epoch seconds, name, value).
 * {@code #HttpOnly_} lines are cookies; other {@code #} lines and blank lines are ignored. A malformed
 * line becomes a warning naming its line number, so one bad line does not lose the rest.
 *
 * <p>The file is only read; cookies the sites set during a run live in memory and are never written back.
 */
final class NetscapeCookies {

    private static final String HTTP_ONLY_PREFIX = "#HttpOnly_";

    private final List<Line> cookies;
    private final List<String> warnings;

    private NetscapeCookies(List<Line> cookies, List<String> warnings) {
        this.cookies = List.copyOf(cookies);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Reads a cookies.txt (UTF-8).
     *
     * @throws IOException if the file cannot be read
     */
    static NetscapeCookies load(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot read cookies file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** Parses cookies.txt lines; {@code source} names the file in warnings. */
    static NetscapeCookies parse(List<String> lines, String source) {
        List<Line> cookies = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            boolean httpOnly = line.startsWith(HTTP_ONLY_PREFIX);
            if (httpOnly) {
                line = line.substring(HTTP_ONLY_PREFIX.length());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String problem = parseLine(stripLineEnd(line), httpOnly, cookies);
            if (!problem.isEmpty()) {
                warnings.add(source + ":" + (i + 1) + ": " + problem + "; line ignored");
            }
        }
        return new NetscapeCookies(cookies, warnings);
    }

    /** Adds the cookie on {@code line} to {@code out}; returns what is wrong with the line, or "". */
    private static String parseLine(String line, boolean httpOnly, List<Line> out) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 7) {
            return "expected 7 tab-separated fields, found " + fields.length;
        }
        String domain = fields[0].trim().toLowerCase(Locale.ROOT);
        String name = fields[5];
        if (domain.isEmpty() || domain.equals(".")) {
            return "empty domain";
        }
        if (name.isEmpty()) {
            return "empty cookie name";
        }
        Optional<Boolean> subdomains = flag(fields[1]);
        Optional<Boolean> secure = flag(fields[3]);
        if (subdomains.isEmpty() || secure.isEmpty()) {
            return "include-subdomains and secure must be TRUE or FALSE";
        }
        long expiry;
        try {
            expiry = fields[4].contains(".") || fields[4].contains("e")
                    ? (long) Double.parseDouble(fields[4].trim())
                    : Long.parseLong(fields[4].trim());
        } catch (NumberFormatException e) {
            return "expiry is not a number of seconds: \"" + fields[4] + "\"";
        }
        out.add(new Line(domain, subdomains.get(), fields[2].isEmpty() ? "/" : fields[2], secure.get(),
                expiry > 0 ? Optional.of(Instant.ofEpochSecond(expiry)) : Optional.empty(), name, fields[6], httpOnly));
        return "";
    }

    private static Optional<Boolean> flag(String field) {
        return switch (field.trim().toUpperCase(Locale.ROOT)) {
            case "TRUE" -> Optional.of(Boolean.TRUE);
            case "FALSE" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** One parsed line; a fresh httpclient cookie is made from it for every store. */
    private record Line(String domain, boolean subdomains, String path, boolean secure, Optional<Instant> expiry,
            String name, String value, boolean httpOnly) {

        BasicClientCookie toCookie() {
            BasicClientCookie cookie = new BasicClientCookie(name, value);
            cookie.setDomain(domain.startsWith(".") ? domain.substring(1) : domain);
            if (subdomains || domain.startsWith(".")) {
                // httpclient sends a cookie to subdomains only when it carries a Domain attribute.
                cookie.setAttribute(Cookie.DOMAIN_ATTR, domain);
            }
            cookie.setPath(path);
            cookie.setAttribute(Cookie.PATH_ATTR, path);
            cookie.setSecure(secure);
            cookie.setHttpOnly(httpOnly);
            expiry.ifPresent(cookie::setExpiryDate);
            return cookie;
        }
    }

    private static String stripLineEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** A new in-memory store holding the cookies that have not expired yet. */
    BasicCookieStore toStore() {
        BasicCookieStore store = new BasicCookieStore();
        cookies.forEach(line -> store.addCookie(line.toCookie()));
        return store;
    }

    /** Every cookie read, expired ones included. */
    List<Cookie> cookies() {
        return cookies.stream().map(line -> (Cookie) line.toCookie()).toList();
    }

    /** One line per malformed line, naming the file and line number. */
    List<String> warnings() {
        return warnings;
    }
}
