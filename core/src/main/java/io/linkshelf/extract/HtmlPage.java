package io.linkshelf.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * A response body decoded as HTML: the jsoup document plus the raw text in the same charset, for signals that
 * live in scripts (document.write, JS variables) rather than in the DOM.
 */
final class HtmlPage {
    private static final Pattern CHARSET = Pattern.compile("(?i)\\bcharset\\s*=\\s*[\"']?([^\\s;\"']+)");
    private static final Pattern HTML_START = Pattern.compile(
            "(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|meta|title|div|p|script|!--)");
    private static final int SNIFF_BYTES = 1024;

    private final Document document;
    private final String raw;

    private HtmlPage(Document document, String raw) {
        this.document = document;
        this.raw = raw;
    }

    /**
     * Parses the body with the Content-Type charset if it names a supported one, else with jsoup's detection
     * (BOM, then meta charset, then UTF-8).
     */
    static HtmlPage parse(PageResponse response) {
        byte[] body = response.bytes();
        String charset = response.contentType().flatMap(HtmlPage::charsetOf).orElse(null);
        Document document = parse(body, charset, response.finalUri());
        Charset used = document.charset();
        return new HtmlPage(document, new String(body, used));
    }

    /** Parses an HTML fragment found inside a page (Zhihu's embedded article HTML). */
    static HtmlPage fragment(String html, URI base) {
        return new HtmlPage(Jsoup.parseBodyFragment(html, base.toString()), html);
    }

    private static Document parse(byte[] body, @Nullable String charset, URI base) {
        try (var in = new ByteArrayInputStream(body)) {
            return Jsoup.parse(in, charset, base.toString());
        } catch (IOException e) {
            // Reading from memory cannot fail; anything else is a bug.
            throw new UncheckedIOException("cannot parse in-memory body of " + base, e);
        }
    }

    Document document() {
        return document;
    }

    /** The whole body decoded in the page's charset, scripts included. */
    String raw() {
        return raw;
    }

    /** The first non-blank {@code content} of the elements (meta tags) the selector finds. */
    static Optional<String> firstContent(Document doc, String selector) {
        return doc.select(selector).stream().map(e -> e.attr("content").strip()).filter(s -> !s.isEmpty()).findFirst();
    }

    /** The first non-blank, whitespace-normalised text of the elements the selector finds. */
    static Optional<String> firstText(Document doc, String selector) {
        return doc.select(selector).stream().map(e -> e.text().strip()).filter(s -> !s.isEmpty()).findFirst();
    }

    static Optional<String> charsetOf(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1);
        try {
            return Charset.isSupported(name) ? Optional.of(name) : Optional.empty();
        } catch (IllegalCharsetNameException e) {
            return Optional.empty();
        }
    }

    /** The media type of a Content-Type header, lower-cased, without parameters. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    static boolean isHtmlMediaType(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    /** True if the start of the body has bytes no text page contains (NUL and most C0 controls). */
    static boolean looksBinary(byte[] body) {
        int n = Math.min(body.length, SNIFF_BYTES);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                controls++;
            }
        }
        return controls > n / 20;
    }

    /** True if the body begins like an HTML document (used when no Content-Type was sent). */
    static boolean looksLikeHtml(byte[] body) {
        int start = startsWithUtf8Bom(body) ? 3 : 0;
        int n = Math.min(body.length - start, SNIFF_BYTES);
        String head = new String(body, start, Math.max(n, 0), StandardCharsets.ISO_8859_1);
        return HTML_START.matcher(head).find();
    }

    /** True if the body, ignoring leading whitespace and a BOM, starts a JSON object. */
    static boolean looksLikeJson(byte[] body) {
        for (int i = startsWithUtf8Bom(body) ? 3 : 0; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{';
            }
        }
        return false;
    }

    private static boolean startsWithUtf8Bom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf;
    }
}
