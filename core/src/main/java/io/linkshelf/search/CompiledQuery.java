package io.linkshelf.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A query made ready to run: the regex as it meets (possibly folded) text, the index bits each
 * alternative needs, and a byte string every matching line must contain when one is certain.
 *
 * @param query the query
 * @param pattern the regex to run on a line (folded text under ignore-case)
 * @param branches per alternative, the index bit positions it needs (no alternatives: no help)
 * @param needle UTF-8 bytes every matching line contains, when exact matching allows a byte search
 * @param plain the string itself when the query is a plain literal (no regex, case or word rules): found with indexOf
 * @param needleOffset when every match has the needle this many bytes after its start and nothing in the
 *     pattern looks before a match's start: then a line matches exactly when the pattern matches at
 *     one of those places, given only the text from there on; otherwise -1
 */
record CompiledQuery(GrepQuery query, Pattern pattern, List<int[]> branches, Optional<byte[]> needle, Optional<String> plain,
        int needleOffset) {

    /** Constructs that can look before where a match starts (named groups, {@code (?<name>}, are caught too). */
    private static final List<String> LOOKS_BACK = List.of("(?<", "\\b", "\\B", "\\G", "\\X");

    private static final String META = "\\^$.|?*+()[]{}";

    private static final String WORD_CHAR = "[\\p{L}\\p{N}\\p{M}_]";

    /** Compiles a query; a bad regex throws {@link java.util.regex.PatternSyntaxException} naming its position. */
    static CompiledQuery of(GrepQuery query) {
        String source;
        Optional<List<List<String>>> literals;
        if (query.fixed()) {
            String literal = query.ignoreCase() ? Folding.forMatching(query.pattern()) : query.pattern();
            source = Pattern.quote(literal);
            literals = query.pattern().isEmpty() ? Optional.empty() : Optional.of(List.of(List.of(query.pattern())));
        } else {
            Pattern.compile(query.pattern()); // the user's own pattern first, so an error's position is theirs
            source = query.ignoreCase() ? Folding.pattern(query.pattern()) : query.pattern();
            literals = RegexLiterals.of(query.pattern());
        }
        if (query.word()) {
            source = "(?<!" + WORD_CHAR + ")(?:" + source + ")(?!" + WORD_CHAR + ")";
        }
        int flags = Pattern.MULTILINE | (query.ignoreCase() ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        Pattern pattern = Pattern.compile(source, flags);

        List<int[]> branches = new ArrayList<>();
        Optional<byte[]> needle = Optional.empty();
        if (literals.isPresent()) {
            for (List<String> branch : literals.get()) {
                branches.add(TrigramIndex.positions(branch));
            }
            if (!query.ignoreCase() && literals.get().size() == 1) {
                needle = literals.get().get(0).stream()
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))
                        .max(Comparator.comparingInt(b -> b.length));
            }
        }
        boolean literal = query.fixed() || query.pattern().chars().noneMatch(c -> META.indexOf(c) >= 0);
        Optional<String> plain = literal && !query.ignoreCase() && !query.word() && !query.pattern().isEmpty()
                ? Optional.of(query.pattern())
                : Optional.empty();
        int needleOffset = -1;
        Optional<RegexLiterals.Lead> lead = RegexLiterals.lead(query.pattern());
        // U+FFFD is left out: the JDK decodes a bad byte to it, where the needle's bytes are not.
        if (needle.isPresent() && lead.isPresent() && !query.fixed() && !query.word()
                && LOOKS_BACK.stream().noneMatch(query.pattern()::contains)
                && lead.get().literal().indexOf('\uFFFD') < 0
                && Arrays.equals(lead.get().literal().getBytes(StandardCharsets.UTF_8), needle.get())) {
            needleOffset = lead.get().width();
        }
        return new CompiledQuery(query, pattern, List.copyOf(branches), needle, plain, needleOffset);
    }
}
