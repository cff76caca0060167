package io.linkshelf.search;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The header lines of one article version's text file, in the order they are written.
 * Every value is one line; an unknown value is the empty string.
 *
 * @param title the article title
 * @param author the author or WeChat account the page names (else the seed list's author section)
 * @param section the seed list placements, {@code author › subsection}, several joined by {@code "; "}
 * @param url the URL the seed list gives
 * @param published the publish time (ISO-8601), if the page gave one
 * @param snapshot the id of the snapshot that first captured this version
 */
public record TextHeader(String title, String author, String section, String url, String published, String snapshot) {

    /** The labels, in file order; each header line is {@code Label: value}. */
    static final String[] LABELS = {"Title", "Author", "Section", "URL", "Published", "Snapshot"};

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029]+");

    public TextHeader {
        title = oneLine(title);
        author = oneLine(author);
        section = oneLine(section);
        url = oneLine(url);
        published = oneLine(published);
        snapshot = oneLine(snapshot);
    }

    /** The snapshot's capture date, {@code yyyy-MM-dd}, or the empty string when unknown. */
    public String capturedDate() {
        if (snapshot.length() < 8) {
            return "";
        }
        for (int i = 0; i < 8; i++) {
            if (!Character.isDigit(snapshot.charAt(i))) {
                return "";
            }
        }
        // Built by hand: grep asks once per matching article, and a string concatenation there costs JIT time.
        return new StringBuilder(10).append(snapshot, 0, 4).append('-').append(snapshot, 4, 6).append('-').append(snapshot, 6, 8)
                .toString();
    }

    String value(int index) {
        return switch (index) {
            case 0 -> title;
            case 1 -> author;
            case 2 -> section;
            case 3 -> url;
            case 4 -> published;
            case 5 -> snapshot;
            default -> throw new IllegalArgumentException("no header line " + index);
        };
    }

    private static String oneLine(String value) {
        Objects.requireNonNull(value, "header value");
        // A header value spans exactly one line, or the body would start too early. The char loop
        // spares grep a regex per header line of every file it reads.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t' || c == '\u2028' || c == '\u2029') {
                return LINE_BREAKS.matcher(value).replaceAll(" ").strip();
            }
        }
        return value.strip();
    }
}
