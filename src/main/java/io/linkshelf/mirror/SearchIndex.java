package io.linkshelf.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The mirror's search index, shipped as {@code search-index.js} because browsers refuse {@code fetch()} of a JSON
 * file on {@code file://}. Ranking is BM25 over one field in which title tokens count {@value #TITLE_WEIGHT} times
 * and author tokens {@value #AUTHOR_WEIGHT} times; {@code search.js} computes it the same way as {@link #rank}.
 *
 * <p>Format: {@code window.LINKSHELF_SEARCH = {"docs": [[path, title, author, date, length, snippetText], ...],
 * "terms": {token: postings}}}; postings are comma-separated {@code <doc-id delta>} in base 36, followed by
 * {@code .<tf>} (base 36) when the term frequency is not 1; doc ids ascending. Snippets come from the first
 * {@value #SNIPPET_CHARS} characters of a text only.
 */
final class SearchIndex {

    static final int TITLE_WEIGHT = 8;
    static final int AUTHOR_WEIGHT = 3;
    static final int SNIPPET_CHARS = 600;
    static final String GLOBAL = "LINKSHELF_SEARCH";
    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<SearchDoc> docs;
    private final int[] lengths;
    private final double avgLength;
    /** token → [doc, tf, doc, tf, ...] with doc ids ascending. */
    private final Map<String, Postings> postings = new HashMap<>();

    private static final class Postings {
        int[] pairs = new int[4];
        int size;

        void add(int doc, int tf) {
            if (size + 2 > pairs.length) {
                pairs = Arrays.copyOf(pairs, pairs.length * 2);
            }
            pairs[size++] = doc;
            pairs[size++] = tf;
        }

        int df() {
            return size / 2;
        }
    }

    SearchIndex(List<SearchDoc> docs) {
        this.docs = List.copyOf(docs);
        this.lengths = new int[docs.size()];
        long total = 0;
        for (int d = 0; d < docs.size(); d++) {
            SearchDoc doc = docs.get(d);
            Map<String, Integer> tf = new LinkedHashMap<>();
            List<String> body = SearchTokens.of(doc.text());
            List<String> title = SearchTokens.of(doc.title());
            body.forEach(t -> tf.merge(t, 1, Integer::sum));
            title.forEach(t -> tf.merge(t, TITLE_WEIGHT, Integer::sum));
            SearchTokens.of(doc.author()).forEach(t -> tf.merge(t, AUTHOR_WEIGHT, Integer::sum));
            lengths[d] = body.size() + title.size();
            total += lengths[d];
            final int id = d;
            tf.forEach((token, f) -> postings.computeIfAbsent(token, k -> new Postings()).add(id, f));
        }
        avgLength = docs.isEmpty() ? 1 : Math.max(1.0, (double) total / docs.size());
    }

    /** BM25 of one term in one document; search.js has the same formula. */
    static double weight(int tf, int df, int n, int length, double avgLength) {
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgLength));
    }

    /** The paths of the documents matching a query, best first, as {@code search.js} ranks them for exact tokens. */
    List<String> rank(String query) {
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(SearchTokens.of(query)));
        Map<Integer, double[]> scores = new HashMap<>();
        for (String token : tokens) {
            Postings p = postings.get(token);
            for (int i = 0; p != null && i < p.size; i += 2) {
                double[] s = scores.computeIfAbsent(p.pairs[i], k -> new double[2]);
                s[0] += weight(p.pairs[i + 1], p.df(), docs.size(), lengths[p.pairs[i]], avgLength);
                s[1] += 1;
            }
        }
        return scores.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, double[]> e) -> -e.getValue()[0] * e.getValue()[1] / tokens.size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> docs.get(e.getKey()).path())
                .toList();
    }

    int terms() {
        return postings.size();
    }

    /** The index as the JavaScript file the site loads. */
    String toJavaScript() {
        List<List<Object>> docRows = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            SearchDoc doc = docs.get(d);
            docRows.add(List.of(doc.path(), clean(doc.title()), clean(doc.author()), doc.date(), lengths[d], snippetText(doc.text())));
        }
        Map<String, String> terms = new LinkedHashMap<>();
        postings.keySet().stream().sorted().forEach(token -> {
            Postings p = postings.get(token);
            StringBuilder sb = new StringBuilder(p.size * 2);
            int last = 0;
            for (int i = 0; i < p.size; i += 2) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(Integer.toString(p.pairs[i] - last, 36));
                if (p.pairs[i + 1] != 1) {
                    sb.append('.').append(Integer.toString(p.pairs[i + 1], 36));
                }
                last = p.pairs[i];
            }
            terms.put(token, sb.toString());
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("docs", docRows);
        root.put("terms", terms);
        try {
            return "window." + GLOBAL + " = " + new ObjectMapper().writeValueAsString(root) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the search index", e);
        }
    }

    static String snippetText(String text) {
        String flat = clean(text).replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS);
    }

    /** Line and paragraph separators end a JavaScript string literal in older engines. */
    private static String clean(String text) {
        return text.replace('\u2028', ' ').replace('\u2029', ' ');
    }
}
