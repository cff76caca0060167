package io.linkshelf.cli;

import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlProgress;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.report.Reports;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The crawl's progress on a terminal: one line, redrawn in place, with counts by outcome, images,
 * the hosts waiting for their politeness gap, and an ETA. Off the terminal or with --quiet it
 * prints nothing but notices (and with --quiet not even those).
 */
final class ProgressLine implements CrawlListener {

    private final PrintWriter err;
    private final boolean live;
    private final boolean quiet;
    private int lastWidth;

    ProgressLine(PrintWriter err, boolean live, boolean quiet) {
        this.err = err;
        this.live = live;
        this.quiet = quiet;
    }

    @Override
    public synchronized void onProgress(CrawlProgress p) {
        if (!live) {
            return;
        }
        String line = render(p);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - TextWidth.of(line))));
        err.flush();
        lastWidth = TextWidth.of(line);
    }

    @Override
    public synchronized void onNotice(String message) {
        if (quiet) {
            return;
        }
        clear();
        err.println("linkshelf: " + message);
        err.flush();
    }

    synchronized void finish() {
        clear();
    }

    private void clear() {
        if (live && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
            lastWidth = 0;
        }
    }

    static String render(CrawlProgress p) {
        String counts = p.byOutcome().entrySet().stream()
                .filter(e -> e.getValue() > 0 && e.getKey() != Outcome.PENDING)
                .map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        StringBuilder line = new StringBuilder();
        line.append(p.settled()).append('/').append(p.entries()).append(" articles");
        if (!counts.isEmpty()) {
            line.append(" (").append(counts).append(')');
        }
        line.append(" · images ").append(p.imagesDone()).append('/').append(p.images());
        for (Map.Entry<String, Duration> wait : p.waits().entrySet()) {
            if (wait.getValue().getSeconds() < 1) {
                continue; // a sub-second gap is not worth a word; the 10 s ones on WeChat and Zhihu are
            }
            line.append(" · ").append(wait.getKey()).append(" waits ").append(Reports.humanDuration(wait.getValue()));
        }
        line.append(" · ").append(Reports.humanDuration(p.elapsed()));
        p.eta().ifPresent(eta -> line.append(", ~").append(Reports.humanDuration(eta)).append(" left"));
        return TextWidth.truncate(line.toString(), 150);
    }
}
