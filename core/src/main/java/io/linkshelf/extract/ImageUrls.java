package io.linkshelf.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the image URLs found in pages into fetchable absolute URIs and dedupe keys. */
final class ImageUrls {
    // /<bucket>/<media-id>/<size>: the media id names the picture, the size (640, 0, 300...) only its rendition.
    private static final Pattern WECHAT_MEDIA = Pattern.compile("^/(?:sz_)?mmbiz(?:_[a-z]+)?/([A-Za-z0-9_-]{8,})(?:/|$)");
    // v2-<hash> with a rendition suffix (_r, _b, _720w, _hd ...) and an extension.
    private static final Pattern ZHIHU_HASH = Pattern.compile("/(?:\\d+/)?(v2-[0-9a-fA-F]{16,})(?:[_.][^/]*)?$");
    private static final String ALLOWED = "-._~:/?@!$&'()*+,;=%";

    private ImageUrls() {}

    /**
     * Resolves a raw attribute or script value against the page URL. Empty for {@code data:} and other
     * non-http(s) values, and for anything that cannot be made into a URI.
     */
    static Optional<URI> resolve(URI base, String raw) {
        String value = raw.replaceAll("[\\t\\n\\r]", "").trim();
        int hash = value.indexOf('#');
        if (hash >= 0) {
            value = value.substring(0, hash);
        }
        if (value.isEmpty() || value.regionMatches(true, 0, "data:", 0, 5)) {
            return Optional.empty();
        }
        URI resolved;
        try {
            URI relative = new URI(escape(value));
            resolved = relative.isAbsolute() ? relative : withPath(base).resolve(relative);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        String host = resolved.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isEmpty()) {
            return Optional.empty();
        }
        if (scheme.equals("http") && isKnownCdn(host)) {
            scheme = "https";
        }
        String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
        String query = resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery();
        try {
            return Optional.of(new URI(scheme + "://" + resolved.getRawAuthority() + path + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The dedupe identity: the WeChat media id or Zhihu v2 hash wherever it is served from, else the URL. */
    static String key(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        Matcher wechat = WECHAT_MEDIA.matcher(path);
        if (wechat.find()) {
            return wechat.group(1);
        }
        Matcher zhihu = ZHIHU_HASH.matcher(path);
        if (zhihu.find()) {
            return zhihu.group(1).toLowerCase(Locale.ROOT);
        }
        return url.toString();
    }

    /** Avatars are account decoration, not article content. */
    static boolean isWechatAvatar(URI url) {
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return host.equals("mmbiz.qlogo.cn") || host.equals("wx.qlogo.cn");
    }

    private static boolean isKnownCdn(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("mmbiz.qpic.cn") || h.equals("zhimg.com") || h.endsWith(".zhimg.com");
    }

    private static URI withPath(URI base) {
        // URI.resolve joins "http://host" and "a.png" without a slash; give the base its root path.
        if (!base.isOpaque() && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
            return URI.create(base.getScheme() + "://" + base.getRawAuthority() + "/");
        }
        return base;
    }

    /** Percent-encodes what browsers tolerate in URLs but java.net.URI refuses (spaces, non-ASCII, |, ^ ...). */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean alnum = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
            if (b == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]))) {
                out.append("%25");
            } else if (b < 0x80 && (alnum || ALLOWED.indexOf(b) >= 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }
}
