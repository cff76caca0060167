package io.linkshelf.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static TextDiff.Line removed(String text) {
        return new TextDiff.Line(TextDiff.Sign.REMOVED, text);
    }

    private static TextDiff.Line added(String text) {
        return new TextDiff.Line(TextDiff.Sign.ADDED, text);
    }

    @Test
    void showsOnlyTheParagraphsThatChangedInReadingOrder() {
        TextDiff diff = TextDiff.of("甲\n\n乙\n\n丙\n\n丁", "甲\n\n乙改\n\n丙\n\n丁\n\n戊");
        assertThat(diff.lines()).containsExactly(removed("乙"), added("乙改"), added("戊"));
        assertThat(diff.truncated()).isFalse();
    }

    @Test
    void keepsTheLongestCommonRunWhenParagraphsMove() {
        TextDiff diff = TextDiff.of("a\nb\nc\nd", "b\nc\nd\na");
        assertThat(diff.lines()).containsExactly(removed("a"), added("a"));
    }

    @Test
    void sameTextWithDifferentBlankLinesAndIndentationIsNoChange() {
        assertThat(TextDiff.of("一\n\n二\n", "  一\n二\n\n\n").isEmpty()).isTrue();
    }

    @Test
    void capsTheNumberOfLinesAndTheLengthOfEach() {
        String before = IntStream.range(0, 100).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = "长".repeat(1000);
        TextDiff diff = TextDiff.of(before, after);
        assertThat(diff.lines()).hasSize(TextDiff.MAX_LINES);
        assertThat(diff.truncated()).isTrue();
        TextDiff longLine = TextDiff.of("", after);
        assertThat(longLine.lines()).singleElement().satisfies(l -> {
            assertThat(l.text()).hasSize(TextDiff.MAX_LINE_CHARS).endsWith("…");
        });
    }

    @Test
    void neverSplitsASurrogatePairWhenCutting() {
        TextDiff diff = TextDiff.of("", "𠀀".repeat(300));
        String text = diff.lines().get(0).text();
        assertThat(text.codePointCount(0, text.length())).isEqualTo(TextDiff.MAX_LINE_CHARS);
        assertThat(text.codePoints()).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
