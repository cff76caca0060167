package io.linkshelf.report;

import static io.linkshelf.archive.Html.escape;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The report and diff pages. Every text from a manifest or a page goes through {@link Html#escape}. */
final class HtmlReport {

    private HtmlReport() {}

    static String report(SnapshotReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<p><a href=\"../index.html\">All snapshots</a></p>\n");
        b.append("<h1>Snapshot ").append(escape(r.snapshot())).append("</h1>\n");
        b.append("<p class=\"news\"><strong>").append(escape(r.news())).append("</strong></p>\n");
        b.append("<table>\n");
        row(b, "Started", Texts.instant(r.start()));
        row(b, "Ended", r.end().map(Texts::instant).orElse("not yet"));
        row(b, "Duration", r.durationSeconds().map(s -> Texts.duration(Duration.ofSeconds(s))).orElse("–"));
        row(b, "Complete", r.complete() ? "yes" : "no (the next run continues it)");
        row(b, "Runs", Integer.toString(r.runs()));
        row(b, "linkshelf", r.toolVersion());
        r.options().forEach((k, v) -> row(b, "Option " + k, v));
        b.append("</table>\n");

        b.append("<h2>Outcomes</h2>\n").append(ReportHtml.legend());
        b.append("<table>\n<tr><th>Section</th><th class=\"n\">Articles</th><th>Outcomes</th><th></th></tr>\n");
        for (SnapshotReport.SectionCounts s : r.sections()) {
            sectionRow(b, s.author(), s.articles(), s.outcomes());
        }
        sectionRow(b, "All", r.outcomes().values().stream().mapToInt(Integer::intValue).sum(), r.outcomes());
        b.append("</table>\n");
        if (!r.images().isEmpty()) {
            b.append("<p>Images: ").append(escape(ReportHtml.describe(r.images()))).append("</p>\n");
        }

        b.append("<h2>Hosts</h2>\n");
        if (r.hosts().isEmpty()) {
            b.append("<p class=\"muted\">No requests were recorded.</p>\n");
        } else {
            b.append("<table>\n<tr><th>Host</th><th class=\"n\">Requests</th><th class=\"n\">Waiting for politeness</th>"
                    + "<th class=\"n\">robots.txt would exclude</th><th class=\"n\">Crawl-delay</th><th>Stopped</th></tr>\n");
            for (SnapshotReport.HostRow h : r.hosts()) {
                b.append("<tr><td>").append(escape(h.host())).append("</td><td class=\"n\">").append(h.requests())
                        .append("</td><td class=\"n\">").append(escape(Texts.duration(Duration.ofMillis(h.waitedMillis()))))
                        .append("</td><td class=\"n\">").append(h.robotsExcluded()).append("</td><td class=\"n\">")
                        .append(escape(h.crawlDelaySeconds().map(d -> d + " s").orElse("–"))).append("</td><td>")
                        .append(escape(h.stopped().orElse(""))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2>Needs attention</h2>\n");
        if (r.attention().isEmpty()) {
            b.append("<p class=\"muted\">Every article is ok or unchanged.</p>\n");
        } else {
            b.append("<table>\n<tr><th>Article</th><th>Section</th><th>Outcome</th><th>Reason</th><th>Last good copy</th></tr>\n");
            for (SnapshotDiff.ArticleRef a : r.attention()) {
                b.append("<tr><td>").append(ReportHtml.externalLink(a.url(), a.title())).append("</td><td>")
                        .append(escape(a.section())).append("</td><td>").append(escape(a.outcome().label()))
                        .append("</td><td>").append(escape(a.reason())).append("</td><td>").append(copyLink(a.mirror()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!r.imageProblems().isEmpty()) {
            b.append("<h2>Images not kept</h2>\n<table>\n<tr><th>Article</th><th>Image</th><th>Outcome</th><th>Reason</th></tr>\n");
            for (SnapshotReport.ImageProblem p : r.imageProblems()) {
                b.append("<tr><td>").append(escape(p.title())).append("</td><td>").append(escape(p.url()))
                        .append("</td><td>").append(escape(p.outcome())).append("</td><td>").append(escape(p.reason()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<h2 id=\"changes\">Changes since the previous snapshot</h2>\n");
        changes(b, r.changes());
        if (!r.stories().isEmpty()) {
            b.append("<h2 id=\"stories\">Life stories</h2>\n<table>\n<tr><th>Article</th><th>Now</th><th>Story</th></tr>\n");
            for (io.linkshelf.archive.ArticleStory s : r.stories()) {
                b.append("<tr id=\"story-").append(escape(s.key())).append("\"><td>").append(ReportHtml.externalLink(s.url(), s.title()))
                        .append("</td><td>").append(escape(s.status().label())).append("</td><td>").append(escape(s.summary()))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return ReportHtml.page("linkshelf snapshot " + r.snapshot(), b.toString());
    }

    static String diff(SnapshotDiff d) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Changes from ").append(escape(d.from().orElse("nothing"))).append(" to ").append(escape(d.to())).append("</h1>\n");
        changes(b, d);
        return ReportHtml.page("linkshelf changes " + d.from().orElse("") + ".." + d.to(), b.toString());
    }

    private static void changes(StringBuilder b, SnapshotDiff d) {
        b.append("<p class=\"muted\">").append(escape(d.from().map(f -> "Compared with " + f + ".")
                .orElse("This is the first snapshot: everything it captured is new."))).append("</p>\n");
        if (d.isEmpty()) {
            b.append("<p>Nothing changed.</p>\n");
            return;
        }
        list(b, "New articles", d.added());
        if (!d.changed().isEmpty()) {
            b.append("<h3>Changed articles (").append(d.changed().size()).append(")</h3>\n");
            for (SnapshotDiff.Change c : d.changed()) {
                b.append("<p>").append(item(c.article())).append("</p>\n");
                c.note().ifPresent(n -> b.append("<p class=\"muted\">").append(escape(n)).append("</p>\n"));
                if (!c.diff().isEmpty()) {
                    b.append("<pre class=\"diff\">");
                    for (TextDiff.Line line : c.diff().lines()) {
                        b.append("<span class=\"").append(line.sign() == TextDiff.Sign.ADDED ? "add" : "del").append("\">")
                                .append(line.sign().symbol()).append(' ').append(escape(line.text())).append("</span>");
                    }
                    if (c.diff().truncated()) {
                        b.append("<span class=\"muted\">… more changes not shown</span>");
                    }
                    b.append("</pre>\n");
                }
            }
        }
        list(b, "Deleted or gone at the source", d.removed());
        list(b, "Back again", d.cameBack());
    }

    private static void list(StringBuilder b, String heading, List<SnapshotDiff.ArticleRef> articles) {
        if (articles.isEmpty()) {
            return;
        }
        b.append("<h3>").append(escape(heading)).append(" (").append(articles.size()).append(")</h3>\n<ul>\n");
        articles.forEach(a -> b.append("<li>").append(item(a)).append("</li>\n"));
        b.append("</ul>\n");
    }

    private static String item(SnapshotDiff.ArticleRef a) {
        StringBuilder s = new StringBuilder(ReportHtml.externalLink(a.url(), a.title()));
        s.append(" <span class=\"muted\">").append(escape(a.section()));
        a.before().filter(o -> o != a.outcome())
                .ifPresent(o -> s.append(" · was ").append(escape(o.label())).append(", now ").append(escape(a.outcome().label())));
        if (!a.reason().isEmpty() && !a.outcome().hasContent()) {
            s.append(" · ").append(escape(a.reason()));
        }
        s.append("</span>");
        a.mirror().ifPresent(m -> s.append(" · ").append(copyLink(Optional.of(m))));
        return s.toString();
    }

    private static String copyLink(Optional<String> mirror) {
        return mirror.map(m -> "<a href=\"" + escape(m) + "\">mirror copy</a>").orElse("<span class=\"muted\">none</span>");
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static void sectionRow(StringBuilder b, String name, int articles, Map<String, Integer> counts) {
        b.append("<tr><td>").append(escape(name)).append("</td><td class=\"n\">").append(articles).append("</td><td>")
                .append(ReportHtml.bar(counts, 240)).append("</td><td class=\"muted\">").append(escape(ReportHtml.describe(counts)))
                .append("</td></tr>\n");
    }
}
