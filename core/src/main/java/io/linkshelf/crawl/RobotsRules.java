package io.linkshelf.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's robots.txt as it applies to linkshelf: which paths it excludes and how long it asks
 * crawlers to wait between requests. Parsed with crawler-commons, the parser crawler4j uses.
 */
final class RobotsRules {

    static final String AGENT = "linkshelf";

    private static final Pattern REQUEST_RATE = Pattern.compile("(?im)^\\s*request-rate\\s*:\\s*(\\d+)\\s*/\\s*(\\d+)\\s*([smhd]?)");

    private final BaseRobotRules rules;
    private final Optional<Duration> gap;
    private final String summary;

    private RobotsRules(BaseRobotRules rules, Optional<Duration> gap, String summary) {
        this.rules = rules;
        this.gap = gap;
        this.summary = summary;
    }

    /** Rules from a robots.txt response; 4xx means no rules, 5xx or no answer means "unknown, allow". */
    static RobotsRules from(URI robotsUrl, int status, byte[] body) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE / 2, 5);
        if (status >= 200 && status < 300) {
            BaseRobotRules parsed = parser.parseContent(robotsUrl.toString(), body, "text/plain", AGENT);
            Optional<Duration> delay = parsed.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY || parsed.getCrawlDelay() <= 0
                    ? Optional.empty()
                    : Optional.of(Duration.ofMillis(parsed.getCrawlDelay()));
            Optional<Duration> rate = requestRateGap(new String(body, StandardCharsets.UTF_8));
            Optional<Duration> gap = longer(delay, rate);
            return new RobotsRules(parsed, gap, "robots.txt " + status + gap.map(g -> ", asks for " + g.toMillis() / 1000.0 + " s between requests").orElse(""));
        }
        return new RobotsRules(parser.failedFetch(status >= 500 ? 404 : Math.max(status, 404)), Optional.empty(),
                status == 0 ? "robots.txt unreachable" : "robots.txt " + status + " (no rules)");
    }

    /** No robots.txt could be fetched at all: nothing is excluded. */
    static RobotsRules unreachable(String why) {
        return new RobotsRules(new SimpleRobotRulesParser().failedFetch(404), Optional.empty(), "robots.txt unreachable: " + why);
    }

    boolean allows(URI url) {
        return rules.isAllowed(url.toString());
    }

    /** The gap between requests robots.txt asks for, from Crawl-delay or Request-rate. */
    Optional<Duration> gap() {
        return gap;
    }

    String summary() {
        return summary;
    }

    /** {@code Request-rate: n/m[smhd]} means at most n requests per m units; crawler-commons ignores it. */
    static Optional<Duration> requestRateGap(String robotsText) {
        Optional<Duration> longest = Optional.empty();
        Matcher m = REQUEST_RATE.matcher(robotsText);
        while (m.find()) {
            long requests = Long.parseLong(m.group(1));
            long span = Long.parseLong(m.group(2));
            long unitSeconds = switch (m.group(3).toLowerCase(Locale.ROOT)) {
                case "m" -> 60;
                case "h" -> 3600;
                case "d" -> 86_400;
                default -> 1;
            };
            if (requests > 0) {
                longest = longer(longest, Optional.of(Duration.ofMillis(span * unitSeconds * 1000 / requests)));
            }
        }
        return longest;
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return a.get().compareTo(b.get()) >= 0 ? a : b;
    }
}
