package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SiteProfilesTest {

    @Test
    void defaultsFollowTheArchitecture() {
        SiteProfiles p = SiteProfiles.defaults();
        assertThat(p.forHost("mp.weixin.qq.com").delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.forHost("mp.weixin.qq.com").jitter()).isEqualTo(0.3);
        assertThat(p.forHost("mp.weixin.qq.com").pageBudget()).hasValue(400);
        assertThat(p.forHost("zhuanlan.zhihu.com").delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.forHost("www.zhihu.com").pageBudget()).hasValue(400);
        assertThat(p.forHost("mmbiz.qpic.cn").delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.forHost("mmbiz.qpic.cn").imageHost()).isTrue();
        assertThat(p.forHost("pic4.zhimg.com").imageHost()).isTrue();
        assertThat(p.forHost("example.com").delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.forHost("example.com").pageBudget()).isEmpty();
    }

    @Test
    void commandLineOverridesArticleAndImageDelaysSeparately() {
        SiteProfiles p = SiteProfiles.defaults().withOverrides(
                Optional.of(Duration.ofMillis(50)), Optional.of(Duration.ofMillis(5)), OptionalInt.of(7));
        assertThat(p.forHost("mp.weixin.qq.com").delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.forHost("mp.weixin.qq.com").pageBudget()).hasValue(7);
        assertThat(p.forHost("127.0.0.2").delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(p.forHost("mmbiz.qpic.cn").delay()).isEqualTo(Duration.ofMillis(5));
        assertThat(p.forHost("mmbiz.qpic.cn").pageBudget()).isEmpty();
    }

    @Test
    void configRowsComeBeforeTheDefaults() {
        SiteProfiles p = SiteProfiles.defaults().withRowsFirst(List.of(
                new SiteProfile("mp.weixin.qq.com", Duration.ofSeconds(20), 0.1, OptionalInt.of(100), false)));
        assertThat(p.forHost("MP.WEIXIN.QQ.COM").delay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.forHost("mp.weixin.qq.com").pageBudget()).hasValue(100);
    }
}
