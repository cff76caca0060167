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

    @Test
    void printsNothingButTheSummaryWhenNotOnATerminalOrQuiet() {
        StringWriter err = new StringWriter();
        ProgressLine piped = new ProgressLine(new PrintWriter(err), false, false);
        piped.onProgress(PROGRESS);
        piped.onNotice("mp.weixin.qq.com stopped for this run after 3 blocks in a row");
        assertThat(err.toString()).isEqualTo("linkshelf: mp.weixin.qq.com stopped for this run after 3 blocks in a row"
                + System.lineSeparator());
        StringWriter quietErr = new StringWriter();
        ProgressLine quiet = new ProgressLine(new PrintWriter(quietErr), false, true);
        quiet.onProgress(PROGRESS);
        quiet.onNotice("anything");
        assertThat(quietErr.toString()).isEmpty();
    }
}
