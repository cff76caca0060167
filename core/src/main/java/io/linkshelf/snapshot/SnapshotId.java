package io.linkshelf.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A snapshot's id: its UTC start time as {@code yyyyMMdd'T'HHmmss'Z'}, so ids sort by time. In JSON it is the
 * plain string ({@code "id": "20261129T031700Z"}, as ARCHITECTURE.md documents); manifests written before
 * that, with {@code "id": {"value": "20261129T031700Z"}}, still load.
 *
 * @param value the id text
 */
public record SnapshotId(String value) implements Comparable<SnapshotId> {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final DateTimeFormatter FORMATTER =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public SnapshotId {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a snapshot id (expected yyyyMMddTHHmmssZ, e.g. 20261129T031700Z): " + value);
        }
    }

    /** The id from its JSON: the documented string, or the {@code {"value": ...}} object older manifests hold. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SnapshotId fromJson(Object json) {
        if (json instanceof String text) {
            return new SnapshotId(text);
        }
        if (json instanceof java.util.Map<?, ?> map && map.get("value") instanceof String text) {
            return new SnapshotId(text);
        }
        throw new IllegalArgumentException("not a snapshot id (expected a string like \"20261129T031700Z\"): " + json);
    }

    public static SnapshotId startingAt(Instant start) {
        return new SnapshotId(FORMATTER.format(start.truncatedTo(ChronoUnit.SECONDS)));
    }

    /** The start time this id stands for. */
    public Instant start() {
        return FORMATTER.parse(value, Instant::from);
    }

    @Override
    public int compareTo(SnapshotId other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
