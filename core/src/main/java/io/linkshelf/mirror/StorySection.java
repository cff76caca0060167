package io.linkshelf.mirror;

import static io.linkshelf.archive.Html.escape;

import io.linkshelf.archive.ArticleStory;
import io.linkshelf.archive.ArticleStory.Step;
import io.linkshelf.snapshot.SnapshotId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The "life story" part of an article page: when it was captured, seen alive, gone, blocked, back and edited. */
final class StorySection {

    private StorySection() {}

    /**
     * @param reportHref the link to a snapshot's report from the article page, when that report exists
     */
    static String html(ArticleStory story, Function<SnapshotId, Optional<String>> reportHref) {
        StringBuilder m = new StringBuilder("<section class=\"story\" id=\"story\"><h2>经历 · Life story</h2>\n<dl>\n");
        item(m, "status", "现状 · Now", escape(story.summary()));
        story.firstCaptured().ifPresent(s -> item(m, "first", "首次存档 · First captured", day(s)));
        if (story.status() != ArticleStory.Status.ALIVE) {
            story.lastSeenAlive().ifPresent(s -> item(m, "alive", "最后在线 · Last seen alive", day(s)));
        }
        story.goneSince().ifPresent(g -> item(m, "gone", "消失 · Gone since",
                day(g.since()) + " · <q>" + escape(g.since().words()) + "</q> · found gone by " + g.steps().size()
                        + (g.steps().size() == 1 ? " snapshot: " : " snapshots: ") + days(g.steps())));
        story.blockedSince().ifPresent(b -> item(m, "blocked-since", "受阻 · Blocked since",
                day(b.since()) + " · " + escape(b.since().words()) + " (blocked is not gone: the site would not say)"));
        if (!story.blocked().isEmpty()) {
            item(m, "blocked", "受阻 · Blocked in", days(story.blocked()));
        }
        if (!story.cameBack().isEmpty()) {
            item(m, "back", "恢复 · Came back", days(story.cameBack()));
        }
        if (!story.edits().isEmpty()) {
            StringBuilder edits = new StringBuilder("<ul>");
            for (ArticleStory.Edit e : story.edits()) {
                edits.append("<li>").append(escape(e.day())).append(" · ");
                Optional<String> href = reportHref.apply(e.to());
                if (href.isPresent()) {
                    edits.append("<a href=\"").append(escape(href.get())).append("#changes\">what changed</a> · ");
                }
                edits.append("<code>").append(escape(e.diffCommand())).append("</code></li>");
            }
            item(m, "edits", "修改 · Edited", edits.append("</ul>").toString());
        }
        m.append("</dl>\n<ol class=\"timeline\">");
        // Spells, not snapshots: a page whose article stays as it was need not change with every snapshot, so the
        // mirror's incremental build can skip it.
        String last = "";
        for (Step s : story.timeline()) {
            String state = ArticleStory.Status.of(s.outcome()).map(ArticleStory.Status::label).orElse(s.outcome().label());
            if (state.equals(last)) {
                continue;
            }
            last = state;
            m.append("<li class=\"").append(escape(state)).append("\">since <time>").append(escape(s.day())).append("</time> ")
                    .append(escape(state));
            if (!s.outcome().hasContent() && !s.reason().isEmpty()) {
                m.append(" · ").append(escape(s.words()));
            }
            m.append("</li>");
        }
        return m.append("</ol></section>\n").toString();
    }

    private static void item(StringBuilder m, String kind, String label, String html) {
        m.append("<div class=\"").append(kind).append("\"><dt>").append(escape(label)).append("</dt><dd>").append(html)
                .append("</dd></div>\n");
    }

    private static String day(Step step) {
        return "<time title=\"snapshot " + escape(step.snapshot().value()) + "\">" + escape(step.day()) + "</time>";
    }

    private static String days(List<Step> steps) {
        return String.join(", ", steps.stream().map(StorySection::day).toList());
    }
}
