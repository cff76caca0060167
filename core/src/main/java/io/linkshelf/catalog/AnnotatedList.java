package io.linkshelf.catalog;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seed list with linkshelf's marks in it: a summary block at the top and a short mark after each link. Every mark
 * sits between HTML comments that Markdown renders as nothing ({@value #MARK_OPEN} … {@value #MARK_CLOSE}), so
 * {@link #strip} finds exactly what linkshelf added and gives back the list's own bytes; annotating an annotated
 * list replaces its marks instead of stacking them.
 */
public final class AnnotatedList {

    /** Opens the mark after a link; the mark runs to {@link #MARK_CLOSE} on the same line. */
    public static final String MARK_OPEN = "<!--linkshelf-->";
    public static final String MARK_CLOSE = "<!--/linkshelf-->";
    static final String HEAD_OPEN = "<!--linkshelf:summary-->\n";
    static final String HEAD_CLOSE = "<!--/linkshelf:summary-->\n\n";
    private static final Pattern MARK = Pattern.compile(Pattern.quote(MARK_OPEN) + "[^\r\n]*?" + Pattern.quote(MARK_CLOSE));

    /**
     * One link the catalog counts.
     *
     * @param line the 1-based line it is on (in the list without marks)
     * @param end where it ends in the list's text without marks (after the BOM, if any), in chars
     * @param key the article key
     * @param title the link text
     * @param url the link's URL
     * @param placement the section and sub-section it is listed under
     */
    public record Link(int line, int end, String key, String title, URI url, Placement placement) {
        public Link {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(placement, "placement");
        }
    }

    private final String bom;
    private final String original;
    private final List<Link> links;

    private AnnotatedList(String bom, String original, List<Link> links) {
        this.bom = bom;
        this.original = original;
        this.links = List.copyOf(links);
    }

    /**
     * Reads a seed list (annotated or not) from its bytes.
     *
     * @param source the file name, for the error message
     * @throws SeedFileException if the bytes are not UTF-8: the copy could not keep them byte for byte
     */
    public static AnnotatedList of(byte[] bytes, Path source) throws SeedFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SeedFileException(source, "it is not valid UTF-8, so an annotated copy could not keep its bytes; "
                    + "save it as UTF-8 first", e);
        }
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String original = strip(text.substring(bom.length()));
        SeedListParser parser = new SeedListParser();
        parser.parse(original);
        return new AnnotatedList(bom, original, parser.links());
    }

    /** Every link the catalog counts, duplicates included, in the order of the list. */
    public List<Link> links() {
        return links;
    }

    /** The list as it was before linkshelf marked it: its own bytes, decoded. */
    public String original() {
        return bom + original;
    }

    /**
     * The list with a summary block at the top and a mark after each link.
     *
     * @param summary Markdown for the top, without the block's delimiters
     * @param mark the text after a link, e.g. {@code " · 已删除 since 2026-12-05"}; one line
     */
    public String annotate(String summary, Function<Link, String> mark) {
        if (summary.contains(HEAD_CLOSE.strip())) {
            throw new IllegalArgumentException("a summary must not contain the block's closing comment");
        }
        StringBuilder out = new StringBuilder(bom).append(HEAD_OPEN).append(summary.strip()).append("\n\n").append(HEAD_CLOSE);
        int at = 0;
        List<Link> inOrder = new ArrayList<>(links);
        inOrder.sort(java.util.Comparator.comparingInt(Link::end));
        for (Link link : inOrder) {
            String text = mark.apply(link);
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.contains("<!--") || text.contains("-->")) {
                throw new IllegalArgumentException("a link's mark must be one line without HTML comments: " + text);
            }
            out.append(original, at, link.end()).append(MARK_OPEN).append(text).append(MARK_CLOSE);
            at = link.end();
        }
        return out.append(original, at, original.length()).toString();
    }

    /** The text without linkshelf's summary block and marks; text without them is returned as it is. */
    public static String strip(String text) {
        String bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
        String body = text.substring(bom.length());
        if (body.startsWith(HEAD_OPEN)) {
            int end = body.indexOf(HEAD_CLOSE);
            if (end >= 0) {
                body = body.substring(end + HEAD_CLOSE.length());
            }
        }
        Matcher m = MARK.matcher(body);
        return bom + (m.find() ? m.replaceAll("") : body);
    }

    /** The marks of an annotated text, in order: what {@link #strip} removes after the summary. */
    public static List<String> marks(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = MARK.matcher(text);
        while (m.find()) {
            found.add(m.group().substring(MARK_OPEN.length(), m.group().length() - MARK_CLOSE.length()));
        }
        return found;
    }
}
