package io.linkshelf.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Reads the values WeChat pages keep in inline scripts (JS literals with \x escapes and HTML entities). */
final class WechatScripts {
    private static final Pattern ITEM_SHOW_TYPE_8 = Pattern.compile("\\bitem_show_type\\s*[=:]\\s*[\"']?8[\"']?\\s*(?:\\*\\s*1\\s*)?[,;\\n]");
    private static final Pattern ITEM_SHOW_TYPE = Pattern.compile("\\bitem_show_type\\s*[=:]\\s*[\"']?(\\d+)");
    private static final Pattern CDN_URL = Pattern.compile("(?<![\\w$])[\"']?cdn_url[\"']?\\s*:\\s*([\"'])((?:\\\\.|(?!\\1).)*)\\1");
    private static final String PICTURE_LIST = "picture_page_info_list";

    private WechatScripts() {}

    /** The string value of {@code var name = "…"}, {@code window.name = '…'} or {@code name: '…'}, decoded. */
    static Optional<String> variable(String raw, String name) {
        Pattern p = Pattern.compile("(?:\\bvar\\s+|\\bwindow\\.|[{,\\s])" + Pattern.quote(name)
                + "\\s*[=:]\\s*(?:htmlDecode\\(\\s*)?([\"'])((?:\\\\.|(?!\\1).)*)\\1");
        Matcher m = p.matcher(raw);
        while (m.find()) {
            String value = decode(m.group(2)).strip();
            if (!value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** True for an image post (item_show_type 8), whose pictures live in {@code picture_page_info_list}. */
    static boolean isImagePost(String raw) {
        return ITEM_SHOW_TYPE_8.matcher(raw).find() || !pictureUrls(raw).isEmpty();
    }

    /** The page type WeChat declares (0 article, 5 video, 8 image post, 11 share ...), if it declares one. */
    static Optional<Integer> itemShowType(String raw) {
        Matcher m = ITEM_SHOW_TYPE.matcher(raw);
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** The {@code cdn_url} of every entry of {@code picture_page_info_list}, decoded, in page order. */
    static List<String> pictureUrls(String raw) {
        List<String> urls = new ArrayList<>();
        int at = raw.indexOf(PICTURE_LIST);
        while (at >= 0) {
            int open = raw.indexOf('[', at);
            int end = open < 0 ? -1 : matchingBracket(raw, open);
            if (end > open) {
                Matcher m = CDN_URL.matcher(raw).region(open, end);
                while (m.find()) {
                    String url = decode(m.group(2)).strip();
                    if (!url.isEmpty() && !urls.contains(url)) {
                        urls.add(url);
                    }
                }
            }
            at = raw.indexOf(PICTURE_LIST, at + PICTURE_LIST.length());
        }
        return urls;
    }

    /** Index of the bracket closing the one at {@code open}, skipping quoted strings; -1 if it never closes. */
    private static int matchingBracket(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Undoes JS string escapes, then HTML entities (WeChat writes both, e.g. {@code \x26amp;}). */
    static String decode(String literal) {
        StringBuilder out = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length()) {
                out.append(c);
                continue;
            }
            char n = literal.charAt(++i);
            switch (n) {
                case 'x' -> i = appendHex(literal, i, 2, out);
                case 'u' -> i = appendHex(literal, i, 4, out);
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                default -> out.append(n);
            }
        }
        String once = Parser.unescapeEntities(out.toString(), false);
        // Some values are entity-encoded twice (&amp;amp;); one more pass is harmless for URLs and names.
        return once.contains("&amp;") ? Parser.unescapeEntities(once, false) : once;
    }

    private static int appendHex(String s, int at, int digits, StringBuilder out) {
        if (at + digits < s.length() && s.substring(at + 1, at + 1 + digits).matches("[0-9a-fA-F]+")) {
            out.append((char) Integer.parseInt(s.substring(at + 1, at + 1 + digits), 16));
            return at + digits;
        }
        out.append(s.charAt(at));
        return at;
    }
}
