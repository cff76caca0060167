package io.linkshelf.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.archive.ArticleStory.Status;
import io.linkshelf.archive.ArticleStory;
import io.linkshelf.archive.Stories;
import io.linkshelf.catalog.AnnotatedList;
import io.linkshelf.snapshot.ArchiveLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed list annotated with each link's status and copy ({@code linkshelf annotate}): the list itself with marks
 * (Markdown), or one row per link (JSON, CSV), each headed by the list's health.
 */
public final class AnnotatedLinks {

    /** The forms of the annotated list. */
    public enum Format { MD, JSON, CSV }

    /** The words a mark uses, by status label ({@code alive gone blocked unknown}) and {@code copy} for the link text. */
    public static final Map<String, String> DEFAULT_LABELS = Map.of(
            "alive", "在线", "gone", "已删除", "blocked", "受阻", "unknown", "未检查", "copy", "copy");

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .enable(SerializationFeature.INDENT_OUTPUT).setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);

    /**
     * Where a link's copy is.
     *
     * @param base a published mirror's root URL; empty to link the local mirror relatively
     * @param none no copy links at all
     * @param from the annotated file's folder, for relative links
     * @param mirror the local mirror's folder
     */
    public record Copies(Optional<String> base, boolean none, Path from, Path mirror) {
        public Copies {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(mirror, "mirror");
        }

        Optional<String> href(String key) {
            if (none) {
                return Optional.empty();
            }
            String page = ArchiveLayout.mirrorPagePath(key);
            if (base.isPresent()) {
                String root = base.get().endsWith("/") ? base.get() : base.get() + "/";
                List<String> parts = new ArrayList<>();
                for (String part : page.split("/")) {
                    parts.add(encode(part));
                }
                return Optional.of(root + String.join("/", parts));
            }
            Path target = mirror.resolve(page).toAbsolutePath().normalize();
            Path relative = from.toAbsolutePath().normalize().relativize(target);
            List<String> parts = new ArrayList<>();
            relative.forEach(p -> parts.add(encode(p.toString())));
            return Optional.of(String.join("/", parts));
        }

        private static String encode(String segment) {
            return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /**
     * One link of the list.
     *
     * @param line its line in the list
     * @param key the article key
     * @param title the link text
     * @param url the link's URL
     * @param section the author section (and sub-section)
     * @param status alive, gone, blocked or unknown
     * @param since for gone or blocked: the day of the first snapshot of that state
     * @param words for gone or blocked: what the site said
     * @param firstCaptured the day its content was first captured
     * @param lastSeenAlive the day a snapshot last found it alive
     * @param lastChecked the day of the newest snapshot that lists it
     * @param edits how often its text changed
     * @param cameBack the day it last came back after being gone
     * @param copy the link to its copy in the mirror, when the archive holds one
     */
    public record Row(int line, String key, String title, String url, String section, String status, Optional<String> since,
            Optional<String> words, Optional<String> firstCaptured, Optional<String> lastSeenAlive, Optional<String> lastChecked,
            int edits, Optional<String> cameBack, Optional<String> copy) {}

    private final AnnotatedList list;
    private final ArchiveView view;
    private final Stories stories;
    private final Copies copies;
    private final Map<String, String> labels;

    private AnnotatedLinks(AnnotatedList list, ArchiveView view, Copies copies, Map<String, String> labels) throws IOException {
        this.list = list;
        this.view = view;
        this.stories = view.stories();
        this.copies = copies;
        Map<String, String> merged = new LinkedHashMap<>(DEFAULT_LABELS);
        labels.forEach((k, v) -> {
            if (!DEFAULT_LABELS.containsKey(k)) {
                throw new IllegalArgumentException("no label '" + k + "': labels are " + String.join(", ", DEFAULT_LABELS.keySet()));
            }
            if (v.contains("<!--") || v.contains("-->") || v.contains("\n") || v.contains("\r")) {
                throw new IllegalArgumentException("a label must be one line without HTML comments: " + k + "=" + v);
            }
            merged.put(k, v);
        });
        this.labels = Map.copyOf(merged);
    }

    /**
     * @param labels the words of the marks, overriding {@link #DEFAULT_LABELS}
     * @throws IllegalArgumentException for an unknown label name or a label that would break the marks
     */
    public static AnnotatedLinks of(AnnotatedList list, ArchiveView view, Copies copies, Map<String, String> labels)
            throws IOException {
        return new AnnotatedLinks(list, view, copies, labels);
    }

    /** One row per link of the list, duplicates included, in the list's order. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (AnnotatedList.Link link : list.links()) {
            Optional<ArticleStory> story = stories.story(link.key());
            Status status = story.map(ArticleStory::status).orElse(Status.UNKNOWN);
            Optional<ArticleStory.Spell> spell = story.flatMap(s -> s.goneSince().or(s::blockedSince));
            rows.add(new Row(link.line(), link.key(), link.title(), link.url().toString(),
                    link.placement().author() + link.placement().subsection().map(s -> " / " + s).orElse(""),
                    status.label(), spell.map(s -> s.since().day()), spell.map(s -> s.since().words()),
                    story.flatMap(ArticleStory::firstCaptured).map(ArticleStory.Step::day),
                    story.flatMap(ArticleStory::lastSeenAlive).map(ArticleStory.Step::day),
                    story.flatMap(s -> s.timeline().isEmpty() ? Optional.empty() : Optional.of(s.timeline().get(s.timeline().size() - 1).day())),
                    story.map(s -> s.edits().size()).orElse(0),
                    story.flatMap(s -> s.cameBack().isEmpty() ? Optional.empty() : Optional.of(s.cameBack().get(s.cameBack().size() - 1).day())),
                    story.filter(ArticleStory::hasCopy).flatMap(s -> copies.href(s.key()))));
        }
        return rows;
    }

    public String render(Format format) {
        return switch (format) {
            case MD -> markdown();
            case JSON -> json();
            case CSV -> csv();
        };
    }

    private String markdown() {
        Map<String, Row> byKey = new LinkedHashMap<>();
        rows().forEach(r -> byKey.putIfAbsent(r.key(), r));
        return list.annotate(summaryMarkdown(), link -> mark(byKey.get(link.key())));
    }

    private String mark(Row row) {
        StringBuilder m = new StringBuilder(" · ").append(labels.get(row.status()));
        row.since().ifPresent(d -> m.append(" since ").append(d));
        row.copy().ifPresent(c -> m.append(" · [").append(labels.get("copy")).append("](").append(c.replace("(", "%28")
                .replace(")", "%29").replace(" ", "%20")).append(')'));
        return m.toString();
    }

    /** The health of the list: counts by status and what its newest snapshot changed. */
    public Map<String, Object> summary() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int never = 0;
        Set<String> keys = new LinkedHashSet<>();
        list.links().forEach(l -> keys.add(l.key()));
        for (String key : keys) {
            Optional<ArticleStory> story = stories.story(key);
            counts.merge(story.map(ArticleStory::status).orElse(Status.UNKNOWN), 1, Integer::sum);
            never += story.filter(ArticleStory::hasCopy).isEmpty() ? 1 : 0;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("snapshot", view.newest().map(m -> m.id().value()).orElse(""));
        summary.put("links", list.links().size());
        summary.put("articles", keys.size());
        for (Status s : Status.values()) {
            summary.put(s.label(), counts.getOrDefault(s, 0));
        }
        summary.put("neverCaptured", never);
        summary.put("news", stories.news().headline(5));
        return summary;
    }

    private String summaryMarkdown() {
        Map<String, Object> s = summary();
        StringBuilder b = new StringBuilder("> **linkshelf** · ");
        Optional<ArchiveView.Snapshot> newest = view.newest();
        if (newest.isEmpty()) {
            b.append("no snapshot yet: ").append(s.get("articles")).append(" articles, none checked. Run `linkshelf crawl`.\n");
            return b.toString();
        }
        b.append("snapshot ").append(newest.get().id().value()).append(" (").append(ArticleStory.day(newest.get().start()))
                .append("): ").append(s.get("articles")).append(" articles — ")
                .append(s.get("alive")).append(" alive · ").append(s.get("gone")).append(" gone · ")
                .append(s.get("blocked")).append(" blocked · ").append(s.get("unknown")).append(" not checked · ")
                .append(s.get("neverCaptured")).append(" never captured.\n>\n> ")
                .append(MarkdownReport.text((String) s.get("news"))).append('\n');
        List<String> gone = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Row r : rows()) {
            if (r.status().equals("gone") && seen.add(r.key())) {
                gone.add(MarkdownReport.text(r.title()) + " (since " + r.since().orElse("?") + ", "
                        + MarkdownReport.text(r.words().orElse("")) + ")");
            }
        }
        if (!gone.isEmpty()) {
            int shown = Math.min(gone.size(), 30);
            b.append(">\n> Gone: ").append(String.join("; ", gone.subList(0, shown)))
                    .append(gone.size() > shown ? "; and " + (gone.size() - shown) + " more" : "").append(".\n");
        }
        return b.toString();
    }

    private String json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", summary());
        doc.put("links", rows());
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render the annotated list as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** RFC 4180, one row per link; the health summary is JSON's and Markdown's (a CSV has nowhere to put it). */
    private String csv() {
        StringBuilder b = new StringBuilder();
        b.append(csvRow(List.of("line", "key", "title", "url", "section", "status", "since", "words", "first_captured",
                "last_seen_alive", "last_checked", "edits", "came_back", "copy")));
        for (Row r : rows()) {
            b.append(csvRow(List.of(String.valueOf(r.line()), r.key(), r.title(), r.url(), r.section(), r.status(),
                    r.since().orElse(""), r.words().orElse(""), r.firstCaptured().orElse(""), r.lastSeenAlive().orElse(""),
                    r.lastChecked().orElse(""), String.valueOf(r.edits()), r.cameBack().orElse(""), r.copy().orElse(""))));
        }
        return b.toString();
    }

    private static String csvRow(List<String> fields) {
        return fields.stream().map(f -> f.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + f.replace("\"", "\"\"") + '"' : f).collect(Collectors.joining(",")) + "\r\n";
    }

}
