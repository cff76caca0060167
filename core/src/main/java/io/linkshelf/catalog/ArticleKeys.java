package io.linkshelf.catalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Article identity: turns any of the URL forms an article is linked by into one key.
 *
 * <p>Keys contain only {@code [a-z0-9._-]} (no upper case, so two keys never collide on a
 * case-insensitive file system) and start with a platform prefix, so they are safe file names on
 * Linux, macOS and Windows and never a reserved Windows name.
 */
public final class ArticleKeys {

    private static final Pattern ZHIHU_ARTICLE = Pattern.compile("^/p/(\\d{1,25})/?$");
    private static final Pattern ZHIHU_COLUMN = Pattern.compile("^/column/([A-Za-z0-9_-]{1,64})/?$");
    private static final Pattern WECHAT_SHORT = Pattern.compile("^/s/([A-Za-z0-9_~-]{8,64})/?$");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");
    private static final int MAX_SLUG = 80;

    private ArticleKeys() {}

    /** The key of the article at this URL. */
    public static String keyOf(URI url) {
        String host = lower(url.getHost());
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (host.equals("mp.weixin.qq.com")) {
            Optional<String> key = wechatKey(url, path);
            if (key.isPresent()) {
                return key.get();
            }
        }
        if (host.equals("zhuanlan.zhihu.com") || host.equals("www.zhihu.com") || host.equals("zhihu.com")) {
            var article = ZHIHU_ARTICLE.matcher(path);
            if (article.matches()) {
                return "zhihu-p-" + article.group(1);
            }
            var column = ZHIHU_COLUMN.matcher(path);
            if (column.matches()) {
                return "zhihu-column-" + caseSafe(column.group(1));
            }
        }
        return "web-" + slug(host + path) + "-" + sha1Hex(normalised(url).toString()).substring(0, 12);
    }

    /** The URL to fetch for a seed URL: the same URL without its fragment, which is never sent. */
    public static URI fetchUrl(URI seed) {
        String text = seed.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? seed : URI.create(text.substring(0, hash));
    }

    /** Scheme and host lower-cased, default port and fragment dropped, empty path made "/". */
    static URI normalised(URI url) {
        String scheme = lower(url.getScheme());
        String host = lower(url.getHost());
        int port = url.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return URI.create(scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query);
    }

    private static Optional<String> wechatKey(URI url, String path) {
        var shortForm = WECHAT_SHORT.matcher(path);
        if (shortForm.matches()) {
            // A '~' in a short token is a known mangling of '_' (the site answers 参数错误 to it).
            return Optional.of("wx-s-" + caseSafe(shortForm.group(1).replace('~', '_')));
        }
        if (!path.equals("/s") && !path.equals("/s/")) {
            return Optional.empty();
        }
        Map<String, String> query = queryOf(url.getRawQuery());
        Optional<String> biz = first(query, "__biz");
        Optional<String> mid = first(query, "mid", "appmsgid");
        Optional<String> idx = first(query, "idx", "itemidx");
        if (biz.isEmpty() || mid.isEmpty() || !DIGITS.matcher(mid.get()).matches()) {
            return Optional.empty();
        }
        String slot = idx.filter(i -> DIGITS.matcher(i).matches()).orElse("1");
        return Optional.of("wx-" + accountOf(biz.get()) + "-" + mid.get() + "-" + slot);
    }

    /** {@code __biz} is base64 of a numeric account id; show the number, else a case-safe hex. */
    private static String accountOf(String biz) {
        String padded = biz.strip();
        try {
            byte[] raw = Base64.getDecoder().decode(padded.replace('-', '+').replace('_', '/'));
            String decoded = new String(raw, StandardCharsets.US_ASCII);
            if (DIGITS.matcher(decoded).matches()) {
                return decoded;
            }
            return "x" + HexFormat.of().formatHex(raw);
        } catch (IllegalArgumentException notBase64) {
            return "b" + caseSafe(slug(padded));
        }
    }

    private static Optional<String> first(Map<String, String> query, String... names) {
        for (String name : names) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    /** Query parameters, percent-decoded, first value of each name wins. */
    static Map<String, String> queryOf(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return text;
        }
    }

    /** Lower-case text kept readable; mixed case gets a short hash of the original so keys stay distinct. */
    private static String caseSafe(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals(text) ? text : lower + "-" + sha1Hex(text).substring(0, 8);
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("[-.]+$", "");
        }
        return slug.isEmpty() ? "page" : slug;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
