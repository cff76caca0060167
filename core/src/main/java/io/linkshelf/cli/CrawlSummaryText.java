package io.linkshelf.cli;

import io.linkshelf.crawl.CrawlSummary;
import io.linkshelf.report.Reports;
import io.linkshelf.snapshot.ImageOutcome;
import io.linkshelf.snapshot.Outcome;
import java.util.ArrayList;
import java.util.List;

/** The one-paragraph human summary that ends every crawl. */
final class CrawlSummaryText {

    private CrawlSummaryText() {}

    static String of(CrawlSummary s, java.nio.file.Path report) {
        StringBuilder text = new StringBuilder();
        text.append("Snapshot ").append(s.snapshot()).append(s.resumed() ? " (resumed)" : "")
                .append(s.complete() ? " is complete" : " is not finished yet")
                .append(" after ").append(Reports.humanDuration(s.duration())).append(": ");
        List<String> parts = new ArrayList<>();
        for (Outcome o : Outcome.values()) {
            if (s.count(o) > 0) {
                parts.add(s.count(o) + " " + o.label());
            }
        }
        text.append(parts.isEmpty() ? "no entries" : String.join(", ", parts)).append('.');
        List<String> images = new ArrayList<>();
        for (ImageOutcome o : ImageOutcome.values()) {
            int n = s.imagesByOutcome().getOrDefault(o, 0);
            if (n > 0) {
                images.add(n + " " + o.label());
            }
        }
        if (!images.isEmpty()) {
            text.append(" Images: ").append(String.join(", ", images)).append('.');
        }
        s.offline().ifPresent(why -> text.append(" No article host could be reached (").append(why)
                .append("): check the network or --proxy; nothing was marked failed."));
        if (s.offline().isEmpty()) {
            // the real cause per host: its page budget spent (and when it reopens), blocks in a row, or unreachable
            s.stoppedHosts().forEach((host, why) -> text.append(' ')
                    .append(why.startsWith("the ") ? "The " + why.substring(4) : why).append('.'));
        }
        if (s.count(Outcome.PENDING) > 0) {
            text.append(" Run linkshelf crawl again to continue this snapshot.");
        }
        if (s.count(Outcome.FAILED) > 0) {
            text.append(" Some entries failed; their reasons are in the report.");
        }
        text.append(System.lineSeparator()).append("Report: ").append(report)
                .append(System.lineSeparator()).append("Manifest: ").append(s.manifest());
        return text.toString();
    }
}
