package io.linkshelf.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Literal strings a regular expression's every match must contain, for picking candidate articles
 * before the regex runs. The answer is alternatives (top-level {@code |}) of required literals,
 * or empty when nothing is certain. Conservative: groups, classes and escapes other than escaped
 * punctuation end a literal; a quantifier that allows zero takes back the char before it; an inline
 * flag that changes case or whitespace meaning gives up.
 */
final class RegexLiterals {

    private final String p;
    private int i;
    private final List<List<String>> branches = new ArrayList<>();
    private List<String> branch = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    /** The length of the last char appended to the run, or 0 if the last atom was not one. */
    private int lastChar;
    /** Where in the pattern the current run began. */
    private int runFrom;
    /** The first run, when it began at the pattern's start: then every match starts with it (one branch). */
    private String prefix = "";

    private RegexLiterals(String pattern) {
        this.p = pattern;
    }

    /** The required literals of a valid pattern; empty when some match may contain none. */
    static Optional<List<List<String>>> of(String pattern) {
        RegexLiterals parser = new RegexLiterals(pattern);
        if (!parser.parse()) {
            return Optional.empty();
        }
        for (List<String> b : parser.branches) {
            if (b.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(parser.branches));
    }

    /**
     * Where a valid pattern's first literal sits in every match: the pattern is {@code width} chars
     * that each match one ASCII char ({@code \\d}, {@code \\w}, a class of ASCII chars, each with an
     * exact count or none) and then the literal's run of chars, with one alternative in all. So a
     * match starts exactly {@code width} bytes before the literal's UTF-8 bytes.
     *
     * @param width the ASCII chars (so UTF-8 bytes) before the literal in every match
     * @param literal the literal (less a last char a quantifier allowing zero takes back)
     */
    record Lead(int width, String literal) {}

    static Optional<Lead> lead(String pattern) {
        int at = 0;
        int width = 0;
        while (at < pattern.length()) {
            int next;
            if (pattern.startsWith("\\d", at) || pattern.startsWith("\\w", at)) {
                next = at + 2;
            } else if (pattern.charAt(at) == '[') {
                next = asciiClassEnd(pattern, at);
                if (next < 0) {
                    return Optional.empty();
                }
            } else {
                break;
            }
            int count = 1;
            if (next < pattern.length() && pattern.charAt(next) == '{') {
                int close = pattern.indexOf('}', next);
                if (close < 0 || !pattern.substring(next + 1, close).matches("\\d{1,4}")) {
                    return Optional.empty();
                }
                count = Integer.parseInt(pattern.substring(next + 1, close));
                next = close + 1;
                if (next < pattern.length() && (pattern.charAt(next) == '?' || pattern.charAt(next) == '+')) {
                    next++;
                }
            }
            if (next < pattern.length() && "*+?{".indexOf(pattern.charAt(next)) >= 0) {
                return Optional.empty();
            }
            width += count;
            at = next;
        }
        RegexLiterals parser = new RegexLiterals(pattern.substring(at));
        if (!parser.parse() || parser.branches.size() != 1 || parser.prefix.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Lead(width, parser.prefix));
    }

    /** The index after a class of printable ASCII chars and ranges at {@code at} (no negation, escapes or nesting), or -1. */
    private static int asciiClassEnd(String p, int at) {
        int i = at + 1;
        while (i < p.length() && p.charAt(i) != ']') {
            char c = p.charAt(i);
            if (c < ' ' || c > '~' || c == '\\' || c == '[' || c == '&' || (i == at + 1 && c == '^')) {
                return -1;
            }
            i++;
        }
        return i < p.length() && i > at + 1 ? i + 1 : -1;
    }

    private boolean parse() {
        while (i < p.length()) {
            int c = p.codePointAt(i);
            switch (c) {
                case '\\' -> {
                    if (!escape()) {
                        return false;
                    }
                }
                case '[' -> {
                    flush();
                    skipClass();
                }
                case '(' -> {
                    flush();
                    if (!skipGroup()) {
                        return false;
                    }
                }
                case '|' -> {
                    flush();
                    branches.add(branch);
                    branch = new ArrayList<>();
                    i++;
                }
                case '.', '^', '$' -> {
                    flush();
                    i++;
                }
                case '*', '?' -> {
                    optional();
                    i++;
                    skipQuantifierSuffix();
                }
                case '+' -> {
                    flush();
                    i++;
                    skipQuantifierSuffix();
                }
                case '{' -> {
                    int close = p.indexOf('}', i);
                    String body = close < 0 ? "" : p.substring(i + 1, close);
                    if (!body.matches("\\d+(,\\d*)?")) {
                        return false;
                    }
                    if (Integer.parseInt(body.split(",")[0]) == 0) {
                        optional();
                    } else {
                        flush();
                    }
                    i = close + 1;
                    skipQuantifierSuffix();
                }
                default -> {
                    append(c);
                    i += Character.charCount(c);
                }
            }
        }
        flush();
        branches.add(branch);
        return true;
    }

    private boolean escape() {
        if (i + 1 >= p.length()) {
            return false;
        }
        int e = p.codePointAt(i + 1);
        if (e == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            String quoted = end < 0 ? p.substring(i + 2) : p.substring(i + 2, end);
            quoted.codePoints().forEach(this::append);
            i = end < 0 ? p.length() : end + 2;
            return true;
        }
        if (e >= 0x80 || !Character.isLetterOrDigit(e)) {
            append(e);
            i += 1 + Character.charCount(e);
            return true;
        }
        flush();
        i += 2;
        if ((e == 'p' || e == 'P' || e == 'x' || e == 'N') && i < p.length() && p.charAt(i) == '{') {
            int close = p.indexOf('}', i);
            i = close < 0 ? p.length() : close + 1;
        } else if (e == 'p' || e == 'P' || e == 'c') {
            i++;
        } else if (e == 'x') {
            i += 2;
        } else if (e == 'u') {
            i += 4;
        } else if (Character.isDigit(e)) {
            // an octal escape or a back reference: its digits belong to it
            while (i < p.length() && Character.isDigit(p.charAt(i))) {
                i++;
            }
        } else if (e == 'k' && i < p.length() && p.charAt(i) == '<') {
            int close = p.indexOf('>', i);
            i = close < 0 ? p.length() : close + 1;
        }
        return true;
    }

    private void skipClass() {
        int depth = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                i++;
                if (i < p.length() && p.charAt(i) == '^') {
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ']') {
                    i++;
                }
                continue;
            }
            i++;
            if (c == ']' && --depth == 0) {
                return;
            }
        }
    }

    private boolean skipGroup() {
        if (p.startsWith("(?", i)) {
            int j = i + 2;
            while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                j++;
            }
            String flags = p.substring(i + 2, j);
            boolean flagGroup = j < p.length() && (p.charAt(j) == ')' || p.charAt(j) == ':') && !flags.isEmpty();
            if (flagGroup && flags.chars().anyMatch(f -> "ixcuU".indexOf(f) >= 0)) {
                return false;
            }
        }
        int depth = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (p.startsWith("\\Q", i)) {
                    int end = p.indexOf("\\E", i + 2);
                    i = end < 0 ? p.length() : end + 2;
                } else {
                    i += 2;
                }
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            i++;
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return true;
            }
        }
        return true;
    }

    private void skipQuantifierSuffix() {
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
    }

    private void append(int cp) {
        if (run.length() == 0) {
            runFrom = i;
        }
        run.appendCodePoint(cp);
        lastChar = Character.charCount(cp);
    }

    /** The atom just read may occur zero times: take it back if it ended the run, and end the run. */
    private void optional() {
        if (lastChar > 0) {
            run.setLength(run.length() - lastChar);
        }
        flush();
    }

    private void flush() {
        if (run.length() > 0) {
            if (runFrom == 0 && branches.isEmpty() && branch.isEmpty()) {
                prefix = run.toString();
            }
            branch.add(run.toString());
            run.setLength(0);
        }
        lastChar = 0;
    }
}
