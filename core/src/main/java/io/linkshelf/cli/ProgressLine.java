package io.linkshelf.cli;

import io.linkshelf.crawl.CrawlListener;
import io.linkshelf.crawl.CrawlProgress;
import io.linkshelf.report.Reports;
import io.linkshelf.snapshot.Outcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The crawl's progress: on a terminal one line, redrawn in place, with counts by outcome, images,
 * the hosts waiting for their politeness gap, and an ETA; off a terminal (a pipe, cron mail) the same
 * line as plain text once a minute. With --quiet nothing but the closing summary.
 */
final class ProgressLine implements CrawlListener {

    /** How often the plain progress line is printed off a terminal. */
    static final Duration PLAIN_EVERY = Duration.ofMinutes(1);

    private final PrintWriter err;
    private final boolean live;
    private final boolean quiet;
    private final Duration plainEvery;
    private int lastWidth;
    private Duration nextPlain;

    ProgressLine(PrintWriter err, boolean live, boolean quiet, Duration plainEvery) {
        this.err = err;
        this.live = live;
        this.quiet = quiet;
        this.plainEvery = plainEvery;
        this.nextPlain = plainEvery;
    }

    @Override
    public synchronized void onProgress(CrawlProgress p) {
        if (quiet) {
            return;
        }
        if (!live) {
            // measured by the run's own elapsed time, so the line comes every minute of the run
            if (p.elapsed().compareTo(nextPlain) >= 0) {
                err.println("linkshelf: " + render(p));
                err.flush();
                while (nextPlain.compareTo(p.elapsed()) <= 0) {
                    nextPlain = nextPlain.plus(plainEvery);
                }
            }
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
