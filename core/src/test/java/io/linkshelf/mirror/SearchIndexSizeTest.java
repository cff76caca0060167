package io.linkshelf.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The issue asks for an index small enough to load in about a second on a laptop, for the ~1,100 articles of the
 * bundled list. Synthetic articles stand in for them: 6,000 characters each of "words" drawn from a Zipf
 * distribution over a 30,000-word vocabulary, whose words are 1–4 characters drawn from a Zipf distribution over
 * 3,500 Chinese characters, with some of the domain's English terms. That gives far more distinct bigrams than
 * real prose (random words meet at random), so the figure overestimates. {@link SearchIndexLoadIT} times loading
 * this index in Chromium.
 */
class SearchIndexSizeTest {

    static final int ARTICLES = 1_100;
    static final int CHARS = 6_000;
    static final String[] LATIN = {"embedding", "Transformer", "DIN", "MMoE", "ESMM", "GBDT", "AUC", "DeepFM", "PLE", "2024"};

    private static int zipf(Random random, double[] cumulative) {
        int k = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return k < 0 ? -k - 1 : k;
    }

    private static double[] zipfTable(int size) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    static List<SearchDoc> syntheticArticles(int count, int chars) {
        Random random = new Random(42);
        double[] charTable = zipfTable(3_500);
        String[] words = new String[30_000];
        int[] lengths = {1, 2, 2, 2, 2, 3, 3, 4};
        for (int w = 0; w < words.length; w++) {
            StringBuilder word = new StringBuilder();
            for (int c = lengths[random.nextInt(lengths.length)]; c > 0; c--) {
                word.append((char) (0x4E00 + zipf(random, charTable) * 5));
            }
            words[w] = word.toString();
        }
        double[] wordTable = zipfTable(words.length);
        List<SearchDoc> docs = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            StringBuilder text = new StringBuilder(chars + 64);
            while (text.length() < chars) {
                int pick = random.nextInt(40);
                if (pick == 0) {
                    text.append(' ').append(LATIN[random.nextInt(LATIN.length)]).append(' ');
                } else if (pick == 1) {
                    text.append("，");
                } else if (pick == 2) {
                    text.append("。\n\n");
                } else {
                    text.append(words[zipf(random, wordTable)]);
                }
            }
            docs.add(new SearchDoc("a/wx-3000000000-" + (2_000_000_000 + d) + "-1.html",
                    words[zipf(random, wordTable)] + words[zipf(random, wordTable)] + "：" + LATIN[d % LATIN.length] + " 实践第" + d + "篇",
                    "作者" + (d % 40), "2024-01-01", text.toString()));
        }
        return docs;
    }

    @Test
    void theIndexOfElevenHundredArticlesStaysUnderFiveMegabytes() throws java.io.IOException {
        List<SearchDoc> docs = syntheticArticles(ARTICLES, CHARS);
        long start = System.nanoTime();
        SearchIndex index = new SearchIndex(docs);
        String js = index.toJavaScript();
        int bytes = js.getBytes(StandardCharsets.UTF_8).length;
        int termsAt = js.indexOf("\"terms\":");
        System.out.printf("docs part %.1f MiB%n", js.substring(0, termsAt).getBytes(StandardCharsets.UTF_8).length / 1048576.0);
        System.out.printf("search index for %d synthetic articles of %d chars: %.1f MiB, %d terms, built in %d ms%n",
                ARTICLES, CHARS, bytes / 1048576.0, index.terms(), (System.nanoTime() - start) / 1_000_000);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "synthetic-search-index.js"), js, StandardCharsets.UTF_8);
        // 4.62 MiB when written (12.7 MiB before the compact encoding of format 2)
        assertThat(bytes).isLessThan(5 << 20);
    }
}
