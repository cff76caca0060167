package io.linkshelf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.crawl.CrawlProgress;
import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final CrawlProgress PROGRESS = new CrawlProgress(new SnapshotId("20261129T031700Z"), 1099,
            Map.of(Outcome.OK, 40, Outcome.BLOCKED, 1, Outcome.PENDING, 1058), 300, 120,
            Map.of("mp.weixin.qq.com", Duration.ofSeconds(7)), Duration.ofMinutes(7), Optional.of(Duration.ofMinutes(183)));

    @Test
    void rendersCountsImagesWaitsAndEta() {
        String line = ProgressLine.render(PROGRESS);
        assertThat(line).contains("41/1099 articles").contains("ok 40").contains("blocked 1").doesNotContain("pending")
                .contains("images 120/300").contains("mp.weixin.qq.com waits 7s").contains("7m00s").contains("~3h03m left");
    }

    private static CrawlProgress at(Duration elapsed) {
        return new CrawlProgress(PROGRESS.snapshot(), PROGRESS.entries(), PROGRESS.byOutcome(), PROGRESS.images(),
                PROGRESS.imagesDone(), PROGRESS.waits(), elapsed, PROGRESS.eta());
    }

    @Test
    void offATerminalPrintsAPlainProgressLineOnceAMinuteAndNotices() {
        StringWriter err = new StringWriter();
        ProgressLine piped = new ProgressLine(new PrintWriter(err), false, false, Duration.ofMinutes(1));
        for (int second = 0; second <= 150; second++) {
            piped.onProgress(at(Duration.ofSeconds(second)));
        }
        piped.onNotice("mp.weixin.qq.com stopped for this run after 3 blocks in a row");
        String[] lines = err.toString().split(System.lineSeparator());
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("linkshelf: 41/1099 articles").contains("1m00s").doesNotContain("\r");
        assertThat(lines[1]).startsWith("linkshelf: 41/1099 articles").contains("2m00s");
        assertThat(lines[2]).isEqualTo("linkshelf: mp.weixin.qq.com stopped for this run after 3 blocks in a row");
    }

    @Test
    void quietPrintsNothing() {
        StringWriter quietErr = new StringWriter();
        ProgressLine quiet = new ProgressLine(new PrintWriter(quietErr), false, true, Duration.ofMinutes(1));
        quiet.onProgress(at(Duration.ofMinutes(5)));
        quiet.onNotice("anything");
        assertThat(quietErr.toString()).isEmpty();
    }
}
