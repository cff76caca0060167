package io.linkshelf.archive;

import io.linkshelf.snapshot.Outcome;
import io.linkshelf.snapshot.SnapshotId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One article's life across every snapshot, derived from the manifests (and, for edits, the texts of its stored
 * versions): nothing here is stored anywhere, so a rebuild of the archive's views tells the same story.
 *
 * @param key the article key
 * @param title the extracted title of its newest copy, else the seed list's
 * @param url the seed URL
 * @param status what the newest snapshot that could tell found
 * @param timeline the article's outcome in every snapshot that lists it, oldest first
 * @param firstCaptured the first snapshot that captured its content
 * @param lastSeenAlive the newest snapshot that found it alive (ok or unchanged)
 * @param goneSince while it is gone: every snapshot since the first that found it deleted or not found
 * @param blockedSince while it is blocked: every snapshot since the first that was blocked
 * @param blocked every snapshot that was blocked (a captcha or an anti-crawl 403), gone or not
 * @param cameBack every snapshot that found it alive again after it had been gone
 * @param edits every snapshot whose capture holds a different text from the version before it
 * @param hasCopy whether the archive holds a copy of its content
 */
public record ArticleStory(String key, String title, String url, Status status, List<Step> timeline,
        Optional<Step> firstCaptured, Optional<Step> lastSeenAlive, Optional<Spell> goneSince, Optional<Spell> blockedSince,
        List<Step> blocked, List<Step> cameBack, List<Edit> edits, boolean hasCopy) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final Pattern OWN_WORDS = Pattern.compile("\\(([^()]*[\\p{IsHan}][^()]*)\\)");

    public ArticleStory {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        timeline = List.copyOf(timeline);
        Objects.requireNonNull(firstCaptured, "firstCaptured");
        Objects.requireNonNull(lastSeenAlive, "lastSeenAlive");
        Objects.requireNonNull(goneSince, "goneSince");
        Objects.requireNonNull(blockedSince, "blockedSince");
        blocked = List.copyOf(blocked);
        cameBack = List.copyOf(cameBack);
        edits = List.copyOf(edits);
    }

    /** The article's state as its story tells it; closed set, each with the label reports and the annotated list use. */
    public enum Status {
        /** The newest snapshot that could tell found the article (ok or unchanged). */
        ALIVE("alive"),
        /** The site says it was deleted or taken down, or answers not found. */
        GONE("gone"),
        /** The site answered with a captcha or an anti-crawl page: whether the article lives is unknown. */
        BLOCKED("blocked"),
        /** No snapshot could tell yet: never fetched, or only failed, pending or excluded by robots.txt. */
        UNKNOWN("unknown");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() {
            return label;
        }

        /** The status an outcome tells, if it tells one: failed, pending, robots and skipped say nothing. */
        public static Optional<Status> of(Outcome outcome) {
            return switch (outcome) {
                case OK, UNCHANGED -> Optional.of(ALIVE);
                case DELETED, NOT_FOUND -> Optional.of(GONE);
                case BLOCKED -> Optional.of(BLOCKED);
                default -> Optional.empty();
            };
        }
    }

    /**
     * The article in one snapshot.
     *
     * @param snapshot the snapshot
     * @param date when the snapshot started
     * @param outcome the article's outcome in it
     * @param reason the manifest's reason for that outcome
     */
    public record Step(SnapshotId snapshot, Instant date, Outcome outcome, String reason) {
        public Step {
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
        }

        /** The snapshot's day, UTC, as the stories and the annotated list show it. */
        @com.fasterxml.jackson.annotation.JsonProperty("day")
        public String day() {
            return ArticleStory.day(date);
        }

        /**
         * What the platform itself said, when the reason quotes it (the classifier keeps the page's words in
         * parentheses: {@code deleted by the publisher (该内容已被发布者删除)}); else the whole reason.
         */
        @com.fasterxml.jackson.annotation.JsonProperty("words")
        public String words() {
            Matcher m = OWN_WORDS.matcher(reason);
            return m.find() ? m.group(1) : reason;
        }
    }

    /**
     * A run of snapshots that found the article in the same state, the first of them first.
     *
     * @param steps the snapshots, oldest first; never empty
     */
    public record Spell(List<Step> steps) {
        public Spell {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a spell has at least one snapshot");
            }
        }

        /** The first snapshot of the spell. */
        public Step since() {
            return steps.get(0);
        }
    }

    /**
     * A change of the article's text.
     *
     * @param from the snapshot that captured the text before
     * @param to the snapshot that captured the changed text
     * @param date when {@code to} started
     */
    public record Edit(SnapshotId from, SnapshotId to, Instant date) {
        public Edit {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(date, "date");
        }

        /** The command that shows this change as a text diff. */
        public String diffCommand() {
            return "linkshelf report --diff " + from.value() + ".." + to.value();
        }

        public String day() {
            return ArticleStory.day(date);
        }
    }

    /** Whether {@code snapshot} found the article gone when the snapshots before it had last found it alive or blocked. */
    public boolean disappearedIn(SnapshotId snapshot) {
        return turnedIn(snapshot, Status.GONE, before -> before != Status.GONE);
    }

    /** Whether {@code snapshot} found the article alive when the snapshots before it had last found it gone. */
    public boolean cameBackIn(SnapshotId snapshot) {
        return turnedIn(snapshot, Status.ALIVE, before -> before == Status.GONE);
    }

    /** Whether {@code snapshot} was blocked when the snapshots before it had last found the article otherwise. */
    public boolean blockedFirstIn(SnapshotId snapshot) {
        return turnedIn(snapshot, Status.BLOCKED, before -> before != Status.BLOCKED);
    }

    public boolean editedIn(SnapshotId snapshot) {
        return edits.stream().anyMatch(e -> e.to().equals(snapshot));
    }

    /** Whether the snapshot told {@code now} and the last snapshot before it that told anything told a status {@code before} accepts. */
    private boolean turnedIn(SnapshotId snapshot, Status now, java.util.function.Predicate<Status> before) {
        Optional<Status> last = Optional.empty();
        for (Step step : timeline) {
            Optional<Status> told = Status.of(step.outcome());
            if (step.snapshot().equals(snapshot)) {
                return told.equals(Optional.of(now)) && last.filter(before).isPresent();
            }
            if (told.isPresent()) {
                last = told;
            }
        }
        return false;
    }

    /** A day as stories and the annotated list show it: {@code yyyy-MM-dd}, UTC, the calendar of snapshot ids. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** One line for a terminal: {@code gone since 2026-12-05 (该内容已被发布者删除), copy of 2026-11-28}. */
    public String summary() {
        StringBuilder s = new StringBuilder(status.label());
        goneSince.ifPresent(g -> s.append(" since ").append(g.since().day()).append(" (").append(g.since().words()).append(')'));
        blockedSince.ifPresent(b -> s.append(" since ").append(b.since().day()));
        if (status != Status.ALIVE) {
            lastSeenAlive.ifPresent(a -> s.append(", last seen alive ").append(a.day()));
        }
        if (!cameBack.isEmpty()) {
            s.append(", came back ").append(cameBack.get(cameBack.size() - 1).day());
        }
        if (!edits.isEmpty()) {
            s.append(", edited ").append(edits.size()).append(edits.size() == 1 ? " time" : " times");
        }
        if (!hasCopy) {
            s.append(", never captured");
        }
        return s.toString();
    }
}
