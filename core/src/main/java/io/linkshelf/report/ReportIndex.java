package io.linkshelf.report;

import static io.linkshelf.archive.Html.escape;

import io.linkshelf.archive.ArchiveView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code reports/index.html}: every snapshot, newest first, with its outcome counts. */
final class ReportIndex {

    private ReportIndex() {}

    static String render(List<ArchiveView.Snapshot> oldestFirst) {
        List<ArchiveView.Snapshot> newestFirst = new ArrayList<>(oldestFirst);
        newestFirst.sort((a, b) -> b.id().compareTo(a.id()));
        StringBuilder b = new StringBuilder("<h1>linkshelf snapshots</h1>\n");
        if (newestFirst.isEmpty()) {
            b.append("<p class=\"muted\">No snapshots yet: run <code>linkshelf crawl</code>.</p>\n");
            return ReportHtml.page("linkshelf snapshots", b.toString());
        }
        b.append(ReportHtml.legend());
        b.append("<table>\n<tr><th>Snapshot</th><th>Duration</th><th>State</th><th class=\"n\">Articles</th>"
                + "<th>Outcomes</th><th></th></tr>\n");
        for (ArchiveView.Snapshot m : newestFirst) {
            Map<String, Integer> counts = m.outcomeLabels();
            String id = m.id().value();
            b.append("<tr class=\"snapshot\"><td><a href=\"").append(escape(id)).append("/report.html\">").append(escape(id))
                    .append("</a></td><td>")
                    .append(escape(m.end().map(e -> Texts.duration(Duration.between(m.start(), e))).orElse("–")))
                    .append("</td><td>").append(m.complete() ? "complete" : "unfinished").append("</td><td class=\"n\">")
                    .append(m.entries()).append("</td><td>").append(ReportHtml.bar(counts, 200))
                    .append("</td><td class=\"muted\">").append(escape(ReportHtml.describe(counts))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        return ReportHtml.page("linkshelf snapshots", b.toString());
    }
}
