package io.linkshelf.report;

import static io.linkshelf.archive.Html.escape;

import io.linkshelf.archive.ArticleStory;
import io.linkshelf.archive.ArticleStory.Step;
import java.util.List;
import java.util.stream.Collectors;

/** An article's life story as Markdown and as a self-contained HTML page ({@code linkshelf report --article}). */
final class StoryText {

    private StoryText() {}

    static String markdown(ArticleStory s) {
        StringBuilder b = new StringBuilder("# ").append(MarkdownReport.text(s.title())).append("\n\n");
        b.append("- key: `").append(s.key()).append("`\n- url: <").append(s.url()).append(">\n");
        b.append("- now: **").append(s.status().label()).append("** — ").append(MarkdownReport.text(s.summary())).append('\n');
        s.firstCaptured().ifPresent(f -> b.append("- first captured: ").append(f.day()).append(" (").append(f.snapshot()).append(")\n"));
        s.lastSeenAlive().ifPresent(a -> b.append("- last seen alive: ").append(a.day()).append(" (").append(a.snapshot()).append(")\n"));
        s.goneSince().ifPresent(g -> b.append("- gone since: ").append(g.since().day()).append(" — ")
                .append(MarkdownReport.text(g.since().words())).append(" — found gone by ").append(days(g.steps())).append('\n'));
        s.blockedSince().ifPresent(g -> b.append("- blocked since: ").append(g.since().day()).append(" — ")
                .append(MarkdownReport.text(g.since().words())).append('\n'));
        if (!s.blocked().isEmpty()) {
            b.append("- blocked in: ").append(days(s.blocked())).append('\n');
        }
        if (!s.cameBack().isEmpty()) {
            b.append("- came back: ").append(days(s.cameBack())).append('\n');
        }
        for (ArticleStory.Edit e : s.edits()) {
            b.append("- edited ").append(e.day()).append(": `").append(e.diffCommand()).append("`\n");
        }
        b.append("\n| snapshot | day | outcome | reason |\n|---|---|---|---|\n");
        for (Step step : s.timeline()) {
            b.append("| ").append(step.snapshot()).append(" | ").append(step.day()).append(" | ").append(step.outcome().label())
                    .append(" | ").append(MarkdownReport.cell(step.reason())).append(" |\n");
        }
        return b.toString();
    }

    static String html(ArticleStory s) {
        StringBuilder b = new StringBuilder("<h1>").append(escape(s.title())).append("</h1>\n<table>\n");
        row(b, "Key", escape(s.key()));
        row(b, "URL", ReportHtml.externalLink(s.url(), s.url()));
        row(b, "Now", "<strong>" + escape(s.status().label()) + "</strong> — " + escape(s.summary()));
        s.firstCaptured().ifPresent(f -> row(b, "First captured", escape(f.day() + " (" + f.snapshot() + ")")));
        s.lastSeenAlive().ifPresent(a -> row(b, "Last seen alive", escape(a.day() + " (" + a.snapshot() + ")")));
        s.goneSince().ifPresent(g -> row(b, "Gone since", escape(g.since().day()) + " — <q>" + escape(g.since().words())
                + "</q> — found gone by " + escape(days(g.steps()))));
        s.blockedSince().ifPresent(g -> row(b, "Blocked since", escape(g.since().day() + " — " + g.since().words())));
        if (!s.blocked().isEmpty()) {
            row(b, "Blocked in", escape(days(s.blocked())));
        }
        if (!s.cameBack().isEmpty()) {
            row(b, "Came back", escape(days(s.cameBack())));
        }
        for (ArticleStory.Edit e : s.edits()) {
            row(b, "Edited", escape(e.day()) + " · <code>" + escape(e.diffCommand()) + "</code>");
        }
        b.append("</table>\n<h2>Every snapshot</h2>\n<table>\n<tr><th>Snapshot</th><th>Day</th><th>Outcome</th><th>Reason</th></tr>\n");
        for (Step step : s.timeline()) {
            b.append("<tr><td>").append(escape(step.snapshot().value())).append("</td><td>").append(escape(step.day()))
                    .append("</td><td>").append(escape(step.outcome().label())).append("</td><td>").append(escape(step.reason()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
        return ReportHtml.page("linkshelf · " + s.title(), b.toString());
    }

    private static void row(StringBuilder b, String name, String html) {
        b.append("<tr><th>").append(escape(name)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    static String days(List<Step> steps) {
        return steps.stream().map(Step::day).collect(Collectors.joining(", "));
    }
}
