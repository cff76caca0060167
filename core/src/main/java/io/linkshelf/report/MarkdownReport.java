package io.linkshelf.report;

import java.time.Duration;
import java.util.List;

/** The report and diff as Markdown, for terminals, mail and issue trackers. */
final class MarkdownReport {

    private MarkdownReport() {}

    static String report(SnapshotReport r) {
        StringBuilder b = new StringBuilder();
        b.append("# Snapshot ").append(r.snapshot()).append("\n\n");
        b.append("**").append(text(r.news())).append("**\n\n");
        b.append("- started: ").append(Texts.instant(r.start())).append('\n');
        b.append("- ended: ").append(r.end().map(Texts::instant).orElse("not yet")).append('\n');
        r.durationSeconds().ifPresent(s -> b.append("- duration: ").append(Texts.duration(Duration.ofSeconds(s))).append('\n'));
        b.append("- complete: ").append(r.complete() ? "yes" : "no").append(", runs: ").append(r.runs()).append('\n');
        b.append("- linkshelf ").append(text(r.toolVersion())).append('\n');
        r.options().forEach((k, v) -> b.append("- option ").append(text(k)).append(": ").append(text(v)).append('\n'));
        b.append("\n## Outcomes\n\n| section | articles | outcomes |\n|---|---:|---|\n");
        for (SnapshotReport.SectionCounts s : r.sections()) {
            b.append("| ").append(cell(s.author())).append(" | ").append(s.articles()).append(" | ")
                    .append(cell(ReportHtml.describe(s.outcomes()))).append(" |\n");
        }
        b.append("| **all** | ").append(r.outcomes().values().stream().mapToInt(Integer::intValue).sum()).append(" | ")
                .append(cell(ReportHtml.describe(r.outcomes()))).append(" |\n");
        if (!r.images().isEmpty()) {
            b.append("\nImages: ").append(ReportHtml.describe(r.images())).append('\n');
        }
        if (!r.hosts().isEmpty()) {
            b.append("\n## Hosts\n\n| host | requests | waited | robots.txt would exclude | stopped |\n|---|---:|---:|---:|---|\n");
            for (SnapshotReport.HostRow h : r.hosts()) {
                b.append("| ").append(cell(h.host())).append(" | ").append(h.requests()).append(" | ")
                        .append(Texts.duration(Duration.ofMillis(h.waitedMillis()))).append(" | ").append(h.robotsExcluded())
                        .append(" | ").append(cell(h.stopped().orElse(""))).append(" |\n");
            }
        }
        b.append("\n## Needs attention\n\n");
        if (r.attention().isEmpty()) {
            b.append("Every article is ok or unchanged.\n");
        } else {
            b.append("| article | section | outcome | reason | last good copy |\n|---|---|---|---|---|\n");
            for (SnapshotDiff.ArticleRef a : r.attention()) {
                b.append("| ").append(cell(a.title())).append(" | ").append(cell(a.section())).append(" | ")
                        .append(a.outcome().label()).append(" | ").append(cell(a.reason())).append(" | ")
                        .append(a.mirror().map(MarkdownReport::cell).orElse("none")).append(" |\n");
            }
        }
        for (SnapshotReport.ImageProblem p : r.imageProblems()) {
            b.append("\n- image ").append(p.outcome()).append(": ").append(text(p.url())).append(" in ").append(text(p.title()))
                    .append(p.reason().isEmpty() ? "" : " (" + text(p.reason()) + ")");
        }
        if (!r.imageProblems().isEmpty()) {
            b.append('\n');
        }
        b.append("\n## Changes since the previous snapshot\n\n");
        changes(b, r.changes());
        if (!r.stories().isEmpty()) {
            b.append("\n## Life stories\n\n");
            r.stories().forEach(s -> b.append("- ").append(text(s.title())).append(" — ").append(text(s.summary()))
                    .append(" (`linkshelf report --article ").append(s.key()).append("`)\n"));
        }
        return b.toString();
    }

    static String diff(SnapshotDiff d) {
        StringBuilder b = new StringBuilder("# Changes from ").append(d.from().orElse("nothing")).append(" to ").append(d.to()).append("\n\n");
        changes(b, d);
        return b.toString();
    }

    private static void changes(StringBuilder b, SnapshotDiff d) {
        if (d.from().isEmpty()) {
            b.append("This is the first snapshot: everything it captured is new.\n\n");
        }
        if (d.isEmpty()) {
            b.append("Nothing changed since ").append(d.from().orElse("nothing")).append(".\n");
            return;
        }
        list(b, "New articles", d.added());
        if (!d.changed().isEmpty()) {
            b.append("### Changed articles (").append(d.changed().size()).append(")\n\n");
            for (SnapshotDiff.Change c : d.changed()) {
                b.append("- ").append(item(c.article())).append('\n');
                c.note().ifPresent(n -> b.append("  (").append(text(n)).append(")\n"));
                if (!c.diff().isEmpty()) {
                    b.append("\n  ```diff\n");
                    c.diff().lines().forEach(l -> b.append("  ").append(l.sign().symbol()).append(' ')
                            .append(l.text().replace("```", "'''")).append('\n'));
                    if (c.diff().truncated()) {
                        b.append("  … more changes not shown\n");
                    }
                    b.append("  ```\n\n");
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
        b.append("### ").append(heading).append(" (").append(articles.size()).append(")\n\n");
        articles.forEach(a -> b.append("- ").append(item(a)).append('\n'));
        b.append('\n');
    }

    private static String item(SnapshotDiff.ArticleRef a) {
        StringBuilder s = new StringBuilder(text(a.title())).append(" — ").append(text(a.section()));
        a.before().filter(o -> o != a.outcome())
                .ifPresent(o -> s.append(" · was ").append(o.label()).append(", now ").append(a.outcome().label()));
        if (!a.reason().isEmpty() && !a.outcome().hasContent()) {
            s.append(" · ").append(text(a.reason()));
        }
        return s.append(" <").append(a.url()).append('>').toString();
    }

    /** Text that Markdown must not read as markup: HTML tags and link brackets are escaped. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace("<", "\\<").replace(">", "\\>").replace("[", "\\[").replace("]", "\\]")
                .replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("\n", " ");
    }

    static String cell(String s) {
        return text(s).replace("|", "\\|");
    }
}
