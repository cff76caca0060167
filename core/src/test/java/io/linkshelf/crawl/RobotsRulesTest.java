package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    private static RobotsRules rules(String text) {
        return RobotsRules.from(URI.create("https://mp.weixin.qq.com/robots.txt"), 200, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wechatStyleRobotsExcludesArticlePaths() {
        RobotsRules r = rules("User-agent: *\nAllow: /$\nAllow: /debug/\nDisallow: /\n");
        assertThat(r.allows(URI.create("https://mp.weixin.qq.com/s?__biz=a&mid=1&idx=1"))).isFalse();
        assertThat(r.allows(URI.create("https://mp.weixin.qq.com/debug/x"))).isTrue();
        assertThat(r.gap()).isEmpty();
    }

    @Test
    void crawlDelayAndRequestRateGiveTheLongerGap() {
        assertThat(rules("User-agent: *\nCrawl-delay: 10\nDisallow: /private\n").gap()).hasValue(Duration.ofSeconds(10));
        assertThat(rules("User-agent: *\nRequest-rate: 1/2\n").gap()).hasValue(Duration.ofSeconds(2));
        assertThat(rules("User-agent: *\nCrawl-delay: 1\nRequest-rate: 1/5\n").gap()).hasValue(Duration.ofSeconds(5));
        assertThat(RobotsRules.requestRateGap("Request-rate: 30/1m")).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void missingRobotsTxtExcludesNothing() {
        RobotsRules r = RobotsRules.from(URI.create("http://127.0.0.2/robots.txt"), 404, new byte[0]);
        assertThat(r.allows(URI.create("http://127.0.0.2/anything"))).isTrue();
        assertThat(RobotsRules.unreachable("timeout").allows(URI.create("http://x/y"))).isTrue();
    }
}
