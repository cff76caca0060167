package io.linkshelf.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-05T03:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void aBudgetIsSharedByEveryRunOfTheLast24HoursAndReopensPageByPage() throws Exception {
        Path file = dir.resolve("state/budget.json");
        DailyBudget morning = DailyBudget.load(file, at(T0));
        assertThat(morning.spend("mp.weixin.qq.com", 3)).isTrue();
        assertThat(morning.spend("mp.weixin.qq.com", 3)).isTrue();
        assertThat(morning.remaining("mp.weixin.qq.com", 3)).isEqualTo(1);
        assertThat(morning.remaining("zhuanlan.zhihu.com", 3)).as("per host").isEqualTo(3);

        DailyBudget noon = DailyBudget.load(file, at(T0.plus(Duration.ofHours(9))));
        assertThat(noon.spend("mp.weixin.qq.com", 3)).as("a later run the same day shares it").isTrue();
        assertThat(noon.spend("mp.weixin.qq.com", 3)).isFalse();
        assertThat(noon.reopensAt("mp.weixin.qq.com", 3)).isEqualTo(T0.plus(Duration.ofHours(24)));

        DailyBudget nextDay = DailyBudget.load(file, at(T0.plus(Duration.ofHours(24)).plusSeconds(1)));
        assertThat(nextDay.remaining("mp.weixin.qq.com", 3)).as("the two morning pages left the window").isEqualTo(2);
        assertThat(nextDay.reopensAt("mp.weixin.qq.com", 3)).isEqualTo(nextDay.now());
    }

    @Test
    void aMissingOrDamagedFileIsADayWithNothingSpent() throws Exception {
        Path file = dir.resolve("budget.json");
        assertThat(DailyBudget.load(file, at(T0)).remaining("a.example", 5)).isEqualTo(5);
        java.nio.file.Files.writeString(file, "[oops");
        assertThat(DailyBudget.load(file, at(T0)).remaining("a.example", 5)).isEqualTo(5);
    }
}
