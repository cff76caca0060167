package io.linkshelf.crawl;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.linkshelf.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Article pages fetched per host in the rolling last 24 hours, shared by every run of the archive:
 * the limit users of WeChat and Zhihu report as safe is per day, not per run. Kept in
 * {@code archive/state/budget.json} (the time of every page request of the last day, per host) and
 * written after every page. Thread-safe.
 */
final class DailyBudget {

    static final Duration WINDOW = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;
    private final Map<String, List<Instant>> spent = new TreeMap<>();

    private DailyBudget(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The budget kept in {@code file}. A missing file is a day with nothing spent; so is an unreadable
     * one (deleting {@code state/} forgets the day's spending, which the README warns about).
     */
    static DailyBudget load(Path file, Clock clock) {
        DailyBudget budget = new DailyBudget(file, clock);
        if (Files.isRegularFile(file)) {
            try {
                Map<String, List<String>> stored = JSON.readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() { });
                stored.forEach((host, times) -> budget.spent.put(host, new ArrayList<>(times.stream().map(Instant::parse).toList())));
            } catch (IOException | RuntimeException e) {
                // see above: a damaged file starts a fresh day
            }
        }
        return budget;
    }

    /**
     * Spends one page of the host's budget of {@code limit} pages a day, if one is left.
     *
     * @return false when the last 24 hours already hold {@code limit} pages of the host
     * @throws IOException if the state file cannot be written
     */
    synchronized boolean spend(String host, int limit) throws IOException {
        List<Instant> times = window(host);
        if (times.size() >= limit) {
            return false;
        }
        times.add(clock.instant());
        save();
        return true;
    }

    /** Pages of the host's daily budget still left now. */
    synchronized int remaining(String host, int limit) {
        return Math.max(0, limit - window(host).size());
    }

    /** When the next page of a spent budget becomes available again: 24 hours after the oldest page of the window. */
    synchronized Instant reopensAt(String host, int limit) {
        List<Instant> times = window(host);
        if (times.size() < limit) {
            return clock.instant();
        }
        return times.get(times.size() - limit).plus(WINDOW);
    }

    synchronized Instant now() {
        return clock.instant();
    }

    private List<Instant> window(String host) {
        List<Instant> times = spent.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new ArrayList<>());
        Instant since = clock.instant().minus(WINDOW);
        times.removeIf(t -> !t.isAfter(since));
        times.sort(null);
        return times;
    }

    private void save() throws IOException {
        Map<String, List<String>> stored = new TreeMap<>();
        spent.forEach((host, times) -> {
            if (!times.isEmpty()) {
                stored.put(host, times.stream().map(Instant::toString).toList());
            }
        });
        AtomicFiles.write(file, JSON.writeValueAsBytes(stored), AtomicFiles.Durability.DURABLE);
    }

    /**
     * One line per host whose daily budget cannot cover this run's pages, e.g. "995 WeChat pages at
     * 400 a day: this snapshot needs 3 days of runs".
     */
    List<String> forecast(Map<String, Integer> pending, SiteProfiles profiles) {
        List<String> lines = new ArrayList<>();
        pending.forEach((host, pages) -> profiles.forHost(host).pageBudget().ifPresent(limit -> {
            int left = remaining(host, limit);
            if (pages > left) {
                int days = limit == 0 ? 0 : 1 + (pages - left + limit - 1) / limit;
                lines.add(pages + " " + siteName(host) + " pages at " + limit + " a day: this snapshot needs "
                        + (limit == 0 ? "a budget above 0 (--budget)" : days + " day" + (days == 1 ? "" : "s") + " of runs")
                        + (left < limit ? " (" + left + " left today)" : ""));
            }
        }));
        return lines;
    }

    private static String siteName(String host) {
        if (host.equals("mp.weixin.qq.com")) {
            return "WeChat";
        }
        return host.endsWith("zhihu.com") ? "Zhihu" : host;
    }
}
