package io.linkshelf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compact line diff of two article texts: only the paragraphs removed and added, in reading
 * order, found by a longest common subsequence over paragraphs and capped in length.
 *
 * @param lines the removed and added paragraphs, each cut to {@link #MAX_LINE_CHARS}
 * @param truncated whether lines were left out to respect {@link #MAX_LINES}
 */
public record TextDiff(List<Line> lines, boolean truncated) {

    /** At most this many lines are shown. */
    public static final int MAX_LINES = 30;
    /** A line longer than this is cut and ends with an ellipsis. */
    public static final int MAX_LINE_CHARS = 240;
    // Beyond this many DP cells (after trimming the common head and tail) the texts are shown as replaced.
    private static final long MAX_CELLS = 4_000_000L;

    public TextDiff {
        lines = List.copyOf(lines);
    }

    /** Whether a line was in the old text only or in the new text only. */
    public enum Sign {
        REMOVED("-"),
        ADDED("+");

        private final String symbol;

        Sign(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One removed or added paragraph. */
    public record Line(Sign sign, String text) {
        public Line {
            Objects.requireNonNull(sign, "sign");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The diff from {@code before} to {@code after}, compared paragraph by paragraph. */
    public static TextDiff of(String before, String after) {
        List<String> a = paragraphs(before);
        List<String> b = paragraphs(after);
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<String> x = a.subList(head, a.size() - tail);
        List<String> y = b.subList(head, b.size() - tail);
        List<Line> all = (long) x.size() * y.size() > MAX_CELLS ? replaced(x, y) : lcs(x, y);
        List<Line> shown = new ArrayList<>();
        for (Line line : all.subList(0, Math.min(all.size(), MAX_LINES))) {
            shown.add(new Line(line.sign(), cut(line.text())));
        }
        return new TextDiff(shown, all.size() > MAX_LINES);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private static List<Line> lcs(List<String> x, List<String> y) {
        int n = x.size();
        int m = y.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = x.get(i).equals(y.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (x.get(i).equals(y.get(j))) {
                i++;
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                out.add(new Line(Sign.REMOVED, x.get(i++)));
            } else {
                out.add(new Line(Sign.ADDED, y.get(j++)));
            }
        }
        while (i < n) {
            out.add(new Line(Sign.REMOVED, x.get(i++)));
        }
        while (j < m) {
            out.add(new Line(Sign.ADDED, y.get(j++)));
        }
        return out;
    }

    private static List<Line> replaced(List<String> x, List<String> y) {
        List<Line> out = new ArrayList<>();
        x.forEach(p -> out.add(new Line(Sign.REMOVED, p)));
        y.forEach(p -> out.add(new Line(Sign.ADDED, p)));
        return out;
    }

    static List<String> paragraphs(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String cut(String line) {
        if (line.codePointCount(0, line.length()) <= MAX_LINE_CHARS) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_LINE_CHARS - 1)) + "…";
    }
}
