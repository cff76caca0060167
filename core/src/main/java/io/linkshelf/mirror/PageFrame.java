package io.linkshelf.mirror;

import io.linkshelf.archive.Html;
import io.linkshelf.snapshot.Outcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The page frame every mirror page shares, and the few formats the pages show. */
final class PageFrame {

    /**
     * No network at all: only files of the mirror itself. {@code file:} is listed beside {@code 'self'} because
     * browsers differ on whether {@code 'self'} matches anything when the page itself is a {@code file://} URL.
     */
    static final String CSP_PAGE = "default-src 'none'; img-src 'self' file:; style-src 'self' file:; script-src 'none'; "
            + "base-uri 'none'; form-action 'none'";
    /** The same, plus the mirror's own two script files, for the page with the search box. */
    static final String CSP_SEARCH = CSP_PAGE.replace("script-src 'none'", "script-src 'self' file:");

    /** WeChat and Zhihu publish for readers in China; their dates read as those readers saw them. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.ofHours(8));
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private PageFrame() {}


    /** A whole page: the frame with CSP, viewport and the shared stylesheet around {@code main}. */
    static String page(String title, String prefix, String csp, String main, String afterMain) {
        return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Html.escape(csp) + "\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"color-scheme\" content=\"light dark\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + prefix + "site.css\">\n"
                + "</head>\n<body>\n"
                + "<header class=\"bar\"><a href=\"" + prefix + "index.html\">linkshelf</a> <span>离线镜像 · offline mirror</span></header>\n"
                + "<main>\n" + main + "</main>\n"
                + "<footer>Made by linkshelf from its WARC archive. Nothing on these pages loads from the network.</footer>\n"
                + afterMain + "</body>\n</html>\n";
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    static Optional<Instant> instant(Optional<String> iso) {
        try {
            return iso.map(Instant::parse);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The badge an article's current state earns, if any: the source changed under the archived copy. */
    static Optional<String> badge(Outcome outcome) {
        return switch (outcome) {
            case DELETED -> Optional.of("<span class=\"badge deleted\" title=\"The source has deleted this article; this is the last good copy\">已删除 deleted at source</span>");
            case BLOCKED -> Optional.of("<span class=\"badge blocked\" title=\"The last snapshot was blocked by the site; this is the last good copy\">blocked at last check</span>");
            case NOT_FOUND -> Optional.of("<span class=\"badge gone\" title=\"The source answers not found; this is the last good copy\">not found at source</span>");
            case FAILED -> Optional.of("<span class=\"badge failed\" title=\"The last fetch failed\">last fetch failed</span>");
            default -> Optional.empty();
        };
    }
}
