package io.linkshelf.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegexLiteralsTest {

    @Test
    void aPlainPatternIsOneLiteral() {
        assertThat(RegexLiterals.of("双塔模型")).contains(List.of(List.of("双塔模型")));
    }

    @Test
    void classesGroupsAndDotsSplitLiterals() {
        assertThat(RegexLiterals.of("召回.{0,8}模型[0-9]+(a|b)排序")).contains(List.of(List.of("召回", "模型", "排序")));
    }

    @Test
    void aQuantifierThatAllowsZeroTakesBackTheCharBeforeIt() {
        assertThat(RegexLiterals.of("DeepFMs?x")).contains(List.of(List.of("DeepFM", "x")));
        assertThat(RegexLiterals.of("abc*")).contains(List.of(List.of("ab")));
        assertThat(RegexLiterals.of("abc+d")).contains(List.of(List.of("abc", "d")));
        assertThat(RegexLiterals.of("abc{0,2}d")).contains(List.of(List.of("ab", "d")));
    }

    @Test
    void escapedPunctuationAndQuotesAreLiteralButClassEscapesAreNot() {
        assertThat(RegexLiterals.of("a\\.b\\d+c")).contains(List.of(List.of("a.b", "c")));
        assertThat(RegexLiterals.of("\\Qx(1)\\E!")).contains(List.of(List.of("x(1)!")));
        assertThat(RegexLiterals.of("\\p{L}ab\\12c")).contains(List.of(List.of("ab", "c")));
    }

    @Test
    void topLevelAlternativesEachNeedTheirOwnLiterals() {
        assertThat(RegexLiterals.of("召回|排序模型")).contains(List.of(List.of("召回"), List.of("排序模型")));
        assertThat(RegexLiterals.of("召回|\\d+")).as("one alternative needs nothing").isEmpty();
    }

    @Test
    void flagsThatChangeCaseOrWhitespaceMeaningGiveUp() {
        assertThat(RegexLiterals.of("(?i)deepfm")).isEmpty();
        assertThat(RegexLiterals.of("(?x)deep fm")).isEmpty();
        assertThat(RegexLiterals.of("(?:deep)fm")).contains(List.of(List.of("fm")));
        assertThat(RegexLiterals.of(".*")).isEmpty();
    }
}
