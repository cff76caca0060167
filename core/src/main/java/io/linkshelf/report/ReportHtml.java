package io.linkshelf.report;

import io.linkshelf.archive.Html;
import io.linkshelf.snapshot.Outcome;
import java.util.Locale;
import java.util.Map;

/** The report page shell with its inline style, and the inline SVG outcome bar. */
final class ReportHtml {

    private static final String CSS = """
            :root { color-scheme: light dark; --fg: #1d1d1f; --bg: #ffffff; --muted: #6e6e73; --line: #d2d2d7;
              --add: #e6f4ea; --del: #fce8e6; --link: #0b57d0; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e8e8ed; --bg: #161617; --muted: #a1a1a6; --line: #3a3a3c; --add: #12351f; --del: #3d1512;
                --link: #8ab4f8; } }
            body { margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: var(--fg); background: var(--bg);
              font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
                "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
              line-height: 1.6; }
            a { color: var(--link); }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
            th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            .muted { color: var(--muted); }
            .legend span { display: inline-block; margin-right: 1rem; }
            .swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.05rem; }
            pre.diff { white-space: pre-wrap; word-break: break-word; margin: .3rem 0 1rem; padding: .5rem;
              border: 1px solid var(--line); font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Noto Sans Mono CJK SC",
                monospace; font-size: .88rem; }
            pre.diff .add { background: var(--add); display: block; } pre.diff .del { background: var(--del); display: block; }
            svg.bar { vertical-align: middle; }
            """;

    private ReportHtml() {}


    /** A link to a seed URL, or the escaped URL as text when it is not http(s) (a javascript: URL must not run). */
    static String externalLink(String url, String text) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "<a href=\"" + Html.escape(url) + "\" rel=\"noreferrer\">" + Html.escape(text) + "</a>";
        }
        return Html.escape(text);
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                // no scripts and nothing fetched: the page must work from file:// on a plane
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src data:\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + body
                + "</body>\n</html>\n";
    }

    static String color(String outcomeLabel) {
        return switch (outcomeLabel) {
            case "ok" -> "#2e7d32";
            case "unchanged" -> "#81c784";
            case "deleted" -> "#c62828";
            case "blocked" -> "#ef6c00";
            case "not-found" -> "#ad1457";
            case "failed" -> "#6a1b9a";
            case "robots" -> "#6d4c41";
            case "pending" -> "#9e9e9e";
            default -> "#bdbdbd";
        };
    }

    /** A stacked horizontal bar of outcome counts; each part carries a tooltip with its label and count. */
    static String bar(Map<String, Integer> counts, int width) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder svg = new StringBuilder("<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width).append("\" height=\"14\" role=\"img\" aria-label=\"")
                .append(Html.escape(describe(counts))).append("\">");
        double x = 0;
        for (Map.Entry<String, Integer> part : counts.entrySet()) {
            if (total == 0 || part.getValue() == 0) {
                continue;
            }
            double w = (double) width * part.getValue() / total;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"14\" fill=\"%s\">", x, w,
                    color(part.getKey())));
            svg.append("<title>").append(Html.escape(part.getKey() + " " + part.getValue())).append("</title></rect>");
            x += w;
        }
        return svg.append("</svg>").toString();
    }

    static String legend() {
        StringBuilder out = new StringBuilder("<p class=\"legend muted\">");
        for (Outcome o : Outcome.values()) {
            out.append("<span><i class=\"swatch\" style=\"background:").append(color(o.label())).append("\"></i>")
                    .append(Html.escape(o.label())).append("</span>");
        }
        return out.append("</p>\n").toString();
    }

    static String describe(Map<String, Integer> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((label, n) -> {
            if (n > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(label).append(' ').append(n);
            }
        });
        return out.isEmpty() ? "nothing" : out.toString();
    }
}
