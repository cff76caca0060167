package io.linkshelf.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The per-host table of politeness settings: built-in defaults for WeChat, Zhihu and their image
 * CDNs (ARCHITECTURE.md, "Site profiles"), then a config file's rows, then command-line overrides.
 * The first matching row wins, so more specific rows come first.
 */
public final class SiteProfiles {

    static final int DEFAULT_ARTICLE_BUDGET = 400;

    private final List<SiteProfile> rows;

    private SiteProfiles(List<SiteProfile> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The built-in profiles. Users report blocks below 10 s on WeChat and Zhihu. */
    public static SiteProfiles defaults() {
        OptionalInt budget = OptionalInt.of(DEFAULT_ARTICLE_BUDGET);
        Duration tenSeconds = Duration.ofSeconds(10);
        return new SiteProfiles(List.of(
                new SiteProfile("mp.weixin.qq.com", tenSeconds, 0.3, budget, false),
                new SiteProfile("zhuanlan.zhihu.com", tenSeconds, 0.3, budget, false),
                new SiteProfile("*.zhihu.com", tenSeconds, 0.3, budget, false),
                new SiteProfile("mmbiz.qpic.cn", Duration.ofSeconds(1), 0, OptionalInt.empty(), true),
                new SiteProfile("*.zhimg.com", Duration.ofSeconds(1), 0, OptionalInt.empty(), true),
                new SiteProfile("*", Duration.ofSeconds(3), 0, OptionalInt.empty(), false)));
    }

    /** These rows take precedence over the current ones (a config file's table). */
    public SiteProfiles withRowsFirst(List<SiteProfile> first) {
        List<SiteProfile> all = new ArrayList<>(first);
        all.addAll(rows);
        return new SiteProfiles(all);
    }

    /**
     * Command-line overrides: {@code --delay} for every non-image host, {@code --image-delay} for
     * image CDNs, {@code --budget} for every host that has a budget (and the catch-all row).
     */
    public SiteProfiles withOverrides(Optional<Duration> delay, Optional<Duration> imageDelay, OptionalInt budget) {
        List<SiteProfile> changed = new ArrayList<>();
        for (SiteProfile row : rows) {
            SiteProfile p = row;
            if (p.imageHost()) {
                if (imageDelay.isPresent()) {
                    p = p.withDelay(imageDelay.get());
                }
            } else {
                if (delay.isPresent()) {
                    p = p.withDelay(delay.get());
                }
                if (budget.isPresent()) {
                    p = p.withBudget(budget);
                }
            }
            changed.add(p);
        }
        return new SiteProfiles(changed);
    }

    /** The profile for a host; there is always one, thanks to the catch-all row. */
    public SiteProfile forHost(String host) {
        return rows.stream()
                .filter(p -> p.matches(host))
                .findFirst()
                .orElse(new SiteProfile("*", Duration.ofSeconds(3), 0, OptionalInt.empty(), false));
    }

    public List<SiteProfile> rows() {
        return rows;
    }
}
