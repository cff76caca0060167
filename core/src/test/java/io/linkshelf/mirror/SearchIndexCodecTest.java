package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Decodes what {@link SearchCodec} writes the way search.js reads it, so the two can only drift if both change. */
class SearchIndexCodecTest {

    private static List<Integer> numbers(String s) {
        List<Integer> out = new ArrayList<>();
        int x = 0;
        for (char c : s.toCharArray()) {
            int d = SearchCodec.ALPHABET.indexOf(c);
            assertThat(d).as("digit %s", c).isNotNegative();
            if (d >= SearchCodec.BASE) {
                x = x * SearchCodec.BASE + d - SearchCodec.BASE;
            } else {
                out.add(x * SearchCodec.BASE + d);
                x = 0;
            }
        }
        return out;
    }

    private static List<String> terms(String s) {
        List<String> out = new ArrayList<>();
        for (String chunk : s.split(" ")) {
            if (chunk.length() < 2 || !SearchTokens.isCjk(chunk.charAt(0)) || !SearchTokens.isCjk(chunk.charAt(1))) {
                out.add(chunk);
                continue;
            }
            char second = chunk.charAt(1);
            out.add(chunk.substring(0, 2));
            for (int gap : numbers(chunk.substring(2))) {
                second += (char) (gap + 1);
                out.add("" + chunk.charAt(0) + second);
            }
        }
        return out;
    }

    @Test
    void numbersUseOneCharacterBelowTheBaseAndNeedNoEscaping() {
        StringBuilder sb = new StringBuilder();
        for (int v : new int[] {0, 42, 43, 1848, 1849, 123_456}) {
            SearchCodec.number(sb, v);
        }
        assertThat(numbers(sb.toString())).containsExactly(0, 42, 43, 1848, 1849, 123_456);
        assertThat(sb.substring(0, 2)).isEqualTo("(~".replace("~", String.valueOf(SearchCodec.ALPHABET.charAt(42))));
        assertThat(SearchCodec.ALPHABET).hasSize(2 * SearchCodec.BASE).doesNotContain("\\", "\"", " ", "!", "#");
    }

    @Test
    void termsFoldBigramsOfOneFirstCharacterAndDecodeBackInOrder() {
        Random random = new Random(1);
        TreeSet<String> all = new TreeSet<>(List.of("2024", "deepfm", "与", "与其", "召", "召回", "mmoe", "x"));
        for (int i = 0; i < 3000; i++) {
            all.add("" + (char) (0x4E00 + random.nextInt(300)) + (char) (0x4E00 + random.nextInt(20_000)));
        }
        List<String> sorted = List.copyOf(all);
        String encoded = SearchCodec.terms(sorted);
        assertThat(terms(encoded)).isEqualTo(sorted);
        assertThat(encoded.split(" ")).as("one chunk per first character, about").hasSizeLessThan(320);
        assertThatThrownBy(() -> SearchCodec.terms(List.of("a b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsCarryGapsAndOnlyTheTermFrequenciesThatAreNotOne() {
        int[] pairs = {0, 1, 5, 3, 6, 1, 1000, 12};
        StringBuilder sb = new StringBuilder();
        SearchCodec.list(sb, pairs, pairs.length);
        String[] parts = sb.toString().split("!");
        assertThat(numbers(parts[0])).containsExactly(0, 4, 0, 993);
        // postings 1 (tf 3) and 3 (tf 12): posting gaps 1 and 1
        assertThat(numbers(parts[1])).containsExactly(1, 1, 1, 10);
        StringBuilder plain = new StringBuilder();
        SearchCodec.list(plain, new int[] {3, 1}, 2);
        assertThat(plain.toString()).isEqualTo(String.valueOf(SearchCodec.ALPHABET.charAt(3)));
        assertThatThrownBy(() -> SearchCodec.list(new StringBuilder(), new int[] {4, 1, 4, 1}, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bitmapsHoldSixDocumentsACharacter() {
        StringBuilder sb = new StringBuilder();
        SearchCodec.bitmap(sb, new int[] {0, 1, 5, 1, 6, 2, 13, 1}, 8, 14);
        assertThat(sb.toString()).hasSize(SearchCodec.bitmapLength(14)).startsWith("#");
        assertThat(sb.chars().skip(1).map(SearchCodec.ALPHABET::indexOf).toArray()).containsExactly(0b100001, 0b000001, 0b000010);
    }
}
