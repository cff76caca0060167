package io.linkshelf.mirror;

import static io.linkshelf.archive.Html.escape;

import io.linkshelf.snapshot.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One article page of the mirror (or one earlier version of it). Every text is escaped here; {@code body} is the
 * already sanitised HTML from {@link BodyRenderer}.
 *
 * @param title the article title
 * @param author the author or account
 * @param published the publish time
 * @param platform the platform label
 * @param section where the seed list places it, e.g. {@code 石塔西 › 召回}
 * @param captured when this content was captured
 * @param original the URL it was captured from
 * @param state the article's state in the newest snapshot, if it earns a notice
 * @param body sanitised body HTML
 * @param versions the other readable versions, oldest first (empty when the text never changed)
 * @param current for an earlier version's page, the link to the current page
 * @param prev the previous article of its section
 * @param next the next article of its section
 * @param story the article's life story as HTML from {@link StorySection}; empty on an earlier version's page
 */
record ArticlePage(String title, Optional<String> author, Optional<Instant> published, String platform, String section,
        Instant captured, String original, Optional<Outcome> state, String body, List<Link> versions,
        Optional<Link> current, Optional<Link> prev, Optional<Link> next, String story) {

    /** A labelled relative link. */
    record Link(String label, String href) {
        Link {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(href, "href");
        }
    }

    ArticlePage {
        versions = List.copyOf(versions);
    }

    String html(String prefix) {
        StringBuilder m = new StringBuilder("<article>\n");
        m.append("<p class=\"section\">").append(escape(section)).append("</p>\n");
        m.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"meta\">");
        author.ifPresent(a -> m.append("<span class=\"author\">").append(escape(a)).append("</span> · "));
        published.ifPresent(p -> m.append("<time datetime=\"").append(escape(p.toString())).append("\">").append(PageFrame.day(p)).append("</time> · "));
        m.append("<span class=\"platform\">").append(escape(platform)).append("</span>");
        state.flatMap(PageFrame::badge).ifPresent(b -> m.append(' ').append(b));
        m.append("</p>\n<p class=\"captured\">captured ").append(PageFrame.minute(captured)).append(" from <a href=\"")
                .append(escape(original)).append("\" rel=\"noopener noreferrer\">").append(escape(original)).append("</a></p>\n");
        current.ifPresent(c -> m.append("<p class=\"notice\">This is an earlier version. <a href=\"").append(escape(c.href()))
                .append("\">").append(escape(c.label())).append("</a></p>\n"));
        m.append("<div class=\"body\">\n").append(body).append("\n</div>\n</article>\n").append(story);
        if (!versions.isEmpty()) {
            m.append("<section class=\"versions\"><h2>版本 · Versions</h2>\n<p>The text changed between snapshots; each version is kept.</p>\n<ul>\n");
            versions.forEach(v -> m.append("<li><a href=\"").append(escape(v.href())).append("\">").append(escape(v.label())).append("</a></li>\n"));
            m.append("</ul></section>\n");
        }
        if (prev.isPresent() || next.isPresent()) {
            m.append("<nav class=\"prevnext\">");
            prev.ifPresent(p -> m.append("<a rel=\"prev\" href=\"").append(escape(p.href())).append("\"><small>← 上一篇</small>")
                    .append(escape(p.label())).append("</a>"));
            next.ifPresent(n -> m.append("<a rel=\"next\" href=\"").append(escape(n.href())).append("\"><small>下一篇 →</small>")
                    .append(escape(n.label())).append("</a>"));
            m.append("</nav>\n");
        }
        return PageFrame.page(title + " · linkshelf", prefix, PageFrame.CSP_PAGE, m.toString(), "");
    }
}
