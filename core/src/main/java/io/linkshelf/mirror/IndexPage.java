package io.linkshelf.mirror;

import static io.linkshelf.archive.Html.escape;

import io.linkshelf.snapshot.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mirror's front page: totals, snapshots with their reports, the search box, and every article grouped by
 * author section and sub-section in seed-list order.
 *
 * @param groups the author sections
 * @param snapshots every snapshot, newest first
 * @param totals the counts shown at the top
 */
record IndexPage(List<Group> groups, List<SnapshotRow> snapshots, Totals totals) {

    record Group(String author, List<Sub> subs) {
        Group {
            subs = List.copyOf(subs);
        }
    }

    record Sub(Optional<String> name, List<Row> rows) {
        Sub {
            rows = List.copyOf(rows);
        }
    }

    /** One article line; {@code href} is empty when no snapshot ever captured it. */
    record Row(String title, Optional<String> href, Optional<Instant> published, String platform, int images,
            Outcome state, Set<Filter> filters) {
        Row {
            filters = Set.copyOf(filters);
        }
    }

    /**
     * The index's filters besides "all": radio buttons that site.css alone turns into a filter (no script), by
     * hiding the rows without the checked filter's class.
     */
    enum Filter {
        GONE("gone", "已消失 gone"),
        BLOCKED("blocked", "受阻 blocked"),
        CHANGED("changed", "改过 changed");

        final String css;
        final String label;

        Filter(String css, String label) {
            this.css = css;
            this.label = label;
        }
    }

    record SnapshotRow(String id, Instant start, boolean complete, int entries, Optional<String> reportHref) {}

    record Totals(int articles, int readable, int versions, int images, int deleted, int blocked) {}

    IndexPage {
        groups = List.copyOf(groups);
        snapshots = List.copyOf(snapshots);
    }

    String html() {
        StringBuilder m = new StringBuilder();
        m.append("<h1>文章存档 · Archived articles</h1>\n<p class=\"totals\">")
                .append(totals.articles()).append(" articles, ").append(totals.readable()).append(" readable offline")
                .append(totals.versions() > 0 ? ", " + totals.versions() + " with earlier versions" : "")
                .append(", ").append(totals.images()).append(" images; ")
                .append(totals.deleted()).append(" deleted at source, ").append(totals.blocked()).append(" blocked at last check")
                .append(" · ").append(snapshots.size()).append(snapshots.size() == 1 ? " snapshot" : " snapshots").append("</p>\n");
        m.append("<div class=\"search\"><label for=\"q\">搜索 · Search</label>")
                .append("<input type=\"search\" id=\"q\" placeholder=\"召回, 多目标, DeepFM …\" autocomplete=\"off\" spellcheck=\"false\">")
                .append("<p id=\"search-status\" class=\"status\" aria-live=\"polite\"></p><ol id=\"results\"></ol></div>\n");
        filters(m);
        m.append("<nav class=\"toc\">");
        for (int g = 0; g < groups.size(); g++) {
            m.append("<a href=\"#s").append(g + 1).append("\">").append(escape(groups.get(g).author())).append("</a>");
        }
        m.append("</nav>\n");
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            m.append("<section class=\"author\" id=\"s").append(g + 1).append("\"><h2>").append(escape(group.author())).append("</h2>\n");
            for (Sub sub : group.subs()) {
                sub.name().ifPresent(n -> m.append("<h3>").append(escape(n)).append("</h3>\n"));
                m.append("<ol class=\"articles\">\n");
                sub.rows().forEach(row -> row(m, row));
                m.append("</ol>\n");
            }
            m.append("</section>\n");
        }
        m.append("<section class=\"snapshots\"><h2>快照 · Snapshots</h2>\n<ul>\n");
        for (SnapshotRow s : snapshots) {
            m.append("<li>");
            String label = PageFrame.minute(s.start()) + " (" + s.id() + ")";
            if (s.reportHref().isPresent()) {
                m.append("<a href=\"").append(escape(s.reportHref().get())).append("\">").append(escape(label)).append("</a>");
            } else {
                m.append(escape(label));
            }
            m.append(" · ").append(s.entries()).append(" entries").append(s.complete() ? "" : " · unfinished").append("</li>\n");
        }
        m.append("</ul></section>\n");
        String scripts = "<script src=\"search-index.js\"></script>\n<script src=\"search.js\"></script>\n";
        return PageFrame.page("linkshelf · 离线镜像", "", PageFrame.CSP_SEARCH, m.toString(), scripts);
    }

    /** The radios must be siblings before the sections: site.css selects {@code #f-gone:checked ~ section li}. */
    private void filters(StringBuilder m) {
        int all = 0;
        java.util.Map<Filter, Integer> counts = new java.util.EnumMap<>(Filter.class);
        for (Group g : groups) {
            for (Sub s : g.subs()) {
                for (Row r : s.rows()) {
                    all++;
                    r.filters().forEach(f -> counts.merge(f, 1, Integer::sum));
                }
            }
        }
        m.append("<input type=\"radio\" name=\"filter\" id=\"f-all\" class=\"filter\" checked>")
                .append("<label for=\"f-all\" class=\"filter\">全部 all (").append(all).append(")</label>\n");
        for (Filter f : Filter.values()) {
            m.append("<input type=\"radio\" name=\"filter\" id=\"f-").append(f.css).append("\" class=\"filter\">")
                    .append("<label for=\"f-").append(f.css).append("\" class=\"filter\">").append(escape(f.label)).append(" (")
                    .append(counts.getOrDefault(f, 0)).append(")</label>\n");
        }
    }

    private static void row(StringBuilder m, Row row) {
        m.append("<li");
        if (!row.filters().isEmpty()) {
            m.append(" class=\"").append(String.join(" ", java.util.Arrays.stream(Filter.values())
                    .filter(row.filters()::contains).map(f -> f.css).toList())).append('"');
        }
        m.append('>');
        if (row.href().isPresent()) {
            m.append("<a href=\"").append(escape(row.href().get())).append("\">").append(escape(row.title())).append("</a>");
        } else {
            m.append("<span class=\"unarchived\">").append(escape(row.title())).append("</span>");
        }
        m.append(" <span class=\"facts\">");
        row.published().ifPresent(p -> m.append(PageFrame.day(p)).append(" · "));
        m.append(escape(row.platform()));
        if (row.images() > 0) {
            m.append(" · ").append(row.images()).append(row.images() == 1 ? " image" : " images");
        }
        if (row.href().isEmpty()) {
            m.append(" · not archived (").append(escape(row.state().label())).append(")");
        }
        m.append("</span>");
        PageFrame.badge(row.state()).ifPresent(b -> m.append(' ').append(b));
        m.append("</li>\n");
    }
}
