package io.linkshelf.extract;

import io.linkshelf.catalog.Platform;
import java.util.Objects;

/**
 * The classification of one page.
 *
 * @param reason short human text naming the signal, e.g. {@code WeChat captcha (环境异常)}
 */
public record PageVerdict(PageState state, Platform platform, String reason) {
    public PageVerdict {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a verdict needs a reason");
        }
    }

    static PageVerdict of(PageState state, Platform platform, String reason) {
        return new PageVerdict(state, platform, reason);
    }
}
