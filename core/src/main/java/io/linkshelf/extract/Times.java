package io.linkshelf.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the publish times pages show: unix seconds, ISO 8601, and Beijing-time "YYYY-MM-DD HH:MM". */
final class Times {
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    private static final Pattern LOCAL = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    // Before 2001 or after 2100 a "timestamp" is more likely an id or a placeholder than a publish time.
    private static final long MIN = 978_307_200L;
    private static final long MAX = 4_102_444_800L;

    private Times() {}

    /** Unix seconds (or milliseconds, if the number is too large for seconds). */
    static Optional<Instant> epoch(String digits) {
        String d = digits.strip();
        if (!d.matches("\\d{9,13}")) {
            return Optional.empty();
        }
        long n = Long.parseLong(d);
        long seconds = n > MAX ? n / 1000 : n;
        return seconds >= MIN && seconds <= MAX ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
    }

    /** A "YYYY-MM-DD[ HH:MM[:SS]]" found in the text, read in the given zone. */
    static Optional<Instant> local(String text, ZoneOffset zone) {
        Matcher m = LOCAL.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalDateTime time = m.group(4) == null ? date.atStartOfDay()
                    : date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            return Optional.of(time.toInstant(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** ISO 8601 with an offset or Z; without one, read in {@code zone}; a bare date is its midnight there. */
    static Optional<Instant> iso(String text, ZoneOffset zone) {
        String s = text.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            // Not with an offset; try the local forms.
        }
        return epoch(s).or(() -> local(s, zone));
    }
}
