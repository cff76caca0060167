package io.linkshelf.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** One pass over a seed list's Markdown; not thread-safe, use one instance per list. */
final class SeedListParser {

    /** Text that was meant as a link but that CommonMark did not take as one, e.g. a space in the URL. */
    private static final Pattern BROKEN_LINK = Pattern.compile("\\[[^\\]]*\\]\\s*\\(");
    private static final String NO_SECTION = "(no section)";

    private final Parser markdown = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private final Map<String, EntryBuilder> entries = new LinkedHashMap<>();
    private final List<SectionBuilder> sections = new ArrayList<>();
    private final List<SeedWarning> warnings = new ArrayList<>();
    private final List<AnnotatedList.Link> spots = new ArrayList<>();
    private List<Integer> lineStarts = List.of(0);
    private int links;
    private SectionBuilder section;
    private Optional<String> subsection = Optional.empty();

    void warn(int line, String message) {
        warnings.add(new SeedWarning(line, message));
    }

    Catalog parse(String text) {
        lineStarts = lineStarts(text);
        Node document = markdown.parse(text);
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            if (block instanceof Heading heading) {
                openHeading(heading);
            } else {
                block.accept(new ParagraphVisitor());
            }
        }
        closeSection();
        if (links == 0) {
            warn(0, "the seed list holds no article links: each article is a Markdown link [title](https://...)");
        }
        warnings.sort(Comparator.comparingInt(SeedWarning::line));
        List<Section> built = sections.stream().filter(s -> s.links > 0).map(SectionBuilder::build).toList();
        List<CatalogEntry> built2 = entries.values().stream().map(EntryBuilder::build).toList();
        return new Catalog(built2, built, links, warnings);
    }

    private void openHeading(Heading heading) {
        String title = collapse(textOf(heading));
        if (heading.getLevel() == 1) {
            closeSection();
            section = new SectionBuilder(title, lineOf(heading));
            sections.add(section);
            subsection = Optional.empty();
        } else {
            subsection = title.isEmpty() ? Optional.empty() : Optional.of(title);
        }
    }

    /** Warnings about link-less lines count only in real author sections: prose under 说明 is not a missing link. */
    private void closeSection() {
        if (section != null && section.links > 0) {
            warnings.addAll(section.pending);
        }
        section = null;
    }

    private void addLink(Link link, int line) {
        String destination = link.getDestination().strip();
        if (destination.startsWith("#")) {
            warn(line, "skipped a table-of-contents link to " + destination);
            return;
        }
        Optional<URI> parsed = toUri(destination);
        if (parsed.isEmpty()) {
            warn(line, "skipped a malformed link: " + destination);
            return;
        }
        URI url = parsed.get();
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.isEmpty()) {
            warn(line, "skipped a link that is not an absolute http(s) URL: " + destination);
            return;
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            warn(line, "skipped a " + scheme + ": link; only http and https are archived: " + destination);
            return;
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            warn(line, "skipped a link without a host name: " + destination);
            return;
        }
        if (section == null) {
            section = new SectionBuilder(NO_SECTION, line);
            sections.add(section);
        }
        links++;
        section.links++;
        subsection.ifPresent(section.subsections::add);
        String key = ArticleKeys.keyOf(url);
        endOf(link).ifPresent(end -> spots.add(new AnnotatedList.Link(line, end, key, collapse(textOf(link)), url,
                new Placement(section.shortName, subsection))));
        entries.computeIfAbsent(key, k -> new EntryBuilder(k, ArticleKeys.fetchUrl(url)))
                .add(collapse(textOf(link)), new Placement(section.shortName, subsection), line);
    }

    /** Every link the catalog counts, in order, with where it ends in the parsed text; after {@link #parse}. */
    List<AnnotatedList.Link> links() {
        return List.copyOf(spots);
    }

    /** Where a line starts, splitting as CommonMark does: at \n, \r\n or a lone \r. */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    /** The offset just after a link's closing bracket or parenthesis, from its source spans. */
    private Optional<Integer> endOf(Link link) {
        List<org.commonmark.node.SourceSpan> spans = link.getSourceSpans();
        if (spans.isEmpty()) {
            return Optional.empty();
        }
        org.commonmark.node.SourceSpan last = spans.get(spans.size() - 1);
        if (last.getLineIndex() >= lineStarts.size()) {
            return Optional.empty();
        }
        return Optional.of(lineStarts.get(last.getLineIndex()) + last.getColumnIndex() + last.getLength());
    }

    /** Accepts what browsers accept: spaces and non-ASCII in a URL are percent-encoded, not refused. */
    static Optional<URI> toUri(String destination) {
        if (destination.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(destination));
        } catch (URISyntaxException first) {
            StringBuilder encoded = new StringBuilder();
            byte[] bytes = destination.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                int c = bytes[i] & 0xff;
                boolean strayPercent = c == '%' && !(i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
                if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0 && !strayPercent) {
                    encoded.append((char) c);
                } else {
                    encoded.append('%').append(String.format(Locale.ROOT, "%02X", c));
                }
            }
            try {
                return Optional.of(new URI(encoded.toString()));
            } catch (URISyntaxException second) {
                return Optional.empty();
            }
        }
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }

    private static int lineOf(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.getSourceSpans().isEmpty()) {
                return n.getSourceSpans().get(0).getLineIndex() + 1;
            }
        }
        return 0;
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak br) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak br) {
                text.append(' ');
            }
        });
        return text.toString();
    }

    private static String collapse(String text) {
        return text.replaceAll("[\\s\\u00A0\\u3000]+", " ").strip();
    }

    /** Visits every paragraph of a block (also inside lists and quotes) and the links in it. */
    private final class ParagraphVisitor extends AbstractVisitor {
        @Override
        public void visit(Paragraph paragraph) {
            List<Link> found = new ArrayList<>();
            paragraph.accept(new AbstractVisitor() {
                @Override
                public void visit(Link link) {
                    found.add(link);
                }
            });
            for (Link link : found) {
                addLink(link, lineOf(link));
            }
            if (found.isEmpty()) {
                noteLinklessParagraph(paragraph);
            }
        }

        private void noteLinklessParagraph(Paragraph paragraph) {
            String text = collapse(textOf(paragraph));
            int line = lineOf(paragraph);
            if (BROKEN_LINK.matcher(text).find()) {
                warn(line, "skipped a malformed link (is there a space or an unbalanced bracket in it?): " + abbreviate(text));
            } else if (section != null && !text.isEmpty()) {
                section.pending.add(new SeedWarning(line, "names an article but carries no link: " + abbreviate(text)));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static final class SectionBuilder {
        final String name;
        final String shortName;
        final int line;
        final Set<String> subsections = new LinkedHashSet<>();
        final List<SeedWarning> pending = new ArrayList<>();
        int links;

        SectionBuilder(String name, int line) {
            this.name = name;
            this.shortName = name.isEmpty() ? NO_SECTION : Section.shortNameOf(name);
            this.line = line;
        }

        Section build() {
            return new Section(name, shortName, line, links, List.copyOf(subsections));
        }
    }

    private static final class EntryBuilder {
        final String key;
        final URI url;
        final Set<String> titles = new LinkedHashSet<>();
        final Set<Placement> placements = new LinkedHashSet<>();
        final List<Integer> lines = new ArrayList<>();

        EntryBuilder(String key, URI url) {
            this.key = key;
            this.url = url;
        }

        void add(String title, Placement placement, int line) {
            if (!title.isEmpty()) {
                titles.add(title);
            }
            placements.add(placement);
            lines.add(line);
        }

        CatalogEntry build() {
            return new CatalogEntry(key, url, Platform.of(url), List.copyOf(titles), List.copyOf(placements), lines);
        }
    }
}
