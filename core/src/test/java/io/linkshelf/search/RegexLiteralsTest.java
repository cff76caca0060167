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

    @Test
    void aLeadIsTheFirstLiteralAfterFixedAsciiCharsWhenEveryMatchHasItThere() {
        assertThat(RegexLiterals.lead("AUC 提升了 \\d+\\.\\d+%")).contains(new RegexLiterals.Lead(0, "AUC 提升了 "));
        assertThat(RegexLiterals.lead("\\d{4}年\\d{1,2}月")).contains(new RegexLiterals.Lead(4, "年"));
        assertThat(RegexLiterals.lead("[0-9a-f]\\w{2}x:y")).contains(new RegexLiterals.Lead(3, "x:y"));
        assertThat(RegexLiterals.lead("abc*d")).as("a quantifier allowing zero takes back its char").contains(new RegexLiterals.Lead(0, "ab"));
        assertThat(RegexLiterals.lead("\\d+年")).as("not a fixed width").isEmpty();
        assertThat(RegexLiterals.lead("\\d{2,4}年")).isEmpty();
        assertThat(RegexLiterals.lead(".年")).as("any char may be more than one byte").isEmpty();
        assertThat(RegexLiterals.lead("[^0-9]年")).isEmpty();
        assertThat(RegexLiterals.lead("a?b")).isEmpty();
        assertThat(RegexLiterals.lead("ab|cd")).as("two alternatives").isEmpty();
        assertThat(RegexLiterals.lead("(?:ab)c")).isEmpty();
    }
}
