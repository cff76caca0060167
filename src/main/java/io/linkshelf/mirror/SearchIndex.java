package io.linkshelf.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mirror's search index, shipped as {@code search-index.js} because browsers refuse {@code fetch()} of a JSON
 * file on {@code file://}. Ranking is decided here: each posting carries its BM25 weight (title tokens count
 * {@value #TITLE_WEIGHT} times, author tokens {@value #AUTHOR_WEIGHT} times), so {@code search.js} only adds the
 * weights of the query's tokens and scales by how many of them matched.
 *
 * <p>Format: {@code window.LINKSHELF_SEARCH = {"docs": [[path, title, author, date, snippetText], ...],
 * "terms": {token: postings}}}; postings are comma-separated {@code <doc-id delta>.<weight>} in base 36, doc ids
 * ascending, weight = round(100 × BM25), at least 1.
 */
final class SearchIndex {

    static final int TITLE_WEIGHT = 8;
    static final int AUTHOR_WEIGHT = 3;
    /** Snippets come from the start of the text only, which keeps the index small. */
    static final int SNIPPET_CHARS = 2_000;
    static final String GLOBAL = "LINKSHELF_SEARCH";
    /** Weights are stored as integers; a coarser scale flattens terms that every document has (idf near 0). */
    static final int WEIGHT_SCALE = 100;
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<SearchDoc> docs;
    /** token → (doc id → quantised weight), doc ids ascending. */
    private final Map<String, Map<Integer, Integer>> postings = new TreeMap<>();

    SearchIndex(List<SearchDoc> docs) {
        this.docs = List.copyOf(docs);
        List<Map<String, Integer>> freqs = new ArrayList<>();
        int[] lengths = new int[docs.size()];
        long total = 0;
        for (int d = 0; d < docs.size(); d++) {
            SearchDoc doc = docs.get(d);
            Map<String, Integer> tf = new HashMap<>();
            List<String> body = SearchTokens.of(doc.text());
            List<String> title = SearchTokens.of(doc.title());
            body.forEach(t -> tf.merge(t, 1, Integer::sum));
            title.forEach(t -> tf.merge(t, TITLE_WEIGHT, Integer::sum));
            SearchTokens.of(doc.author()).forEach(t -> tf.merge(t, AUTHOR_WEIGHT, Integer::sum));
            lengths[d] = body.size() + title.size();
            total += lengths[d];
            freqs.add(tf);
        }
        double avg = docs.isEmpty() ? 1 : Math.max(1.0, (double) total / docs.size());
        Map<String, Integer> df = new HashMap<>();
        freqs.forEach(tf -> tf.keySet().forEach(t -> df.merge(t, 1, Integer::sum)));
        int n = docs.size();
        for (int d = 0; d < n; d++) {
            for (Map.Entry<String, Integer> e : freqs.get(d).entrySet()) {
                int f = df.get(e.getKey());
                double idf = Math.log(1 + (n - f + 0.5) / (f + 0.5));
                double tf = e.getValue();
                double w = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[d] / avg));
                postings.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(d, Math.max(1, (int) Math.round(w * WEIGHT_SCALE)));
            }
        }
    }

    /** The paths of the documents matching a query, best first, as {@code search.js} ranks them for exact tokens. */
    List<String> rank(String query) {
        List<String> tokens = new ArrayList<>(new LinkedHashSet<>(SearchTokens.of(query)));
        Map<Integer, double[]> scores = new HashMap<>();
        for (String token : tokens) {
            postings.getOrDefault(token, Map.of()).forEach((doc, w) -> {
                double[] s = scores.computeIfAbsent(doc, k -> new double[2]);
                s[0] += w;
                s[1] += 1;
            });
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
        List<List<String>> docRows = new ArrayList<>();
        for (SearchDoc doc : docs) {
            docRows.add(List.of(doc.path(), clean(doc.title()), clean(doc.author()), doc.date(), snippetText(doc.text())));
        }
        Map<String, String> terms = new LinkedHashMap<>();
        postings.forEach((token, list) -> {
            StringBuilder sb = new StringBuilder();
            int last = 0;
            for (Map.Entry<Integer, Integer> p : list.entrySet()) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(Integer.toString(p.getKey() - last, 36)).append('.').append(Integer.toString(p.getValue(), 36));
                last = p.getKey();
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
