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
 * <p>Format: {@code window.LINKSHELF_SEARCH = {"v": 2, "docs": [[path, title, author, date, length, snippetText],
 * ...], "head": {"terms": ..., "postings": ...}, "body": {"terms": ..., "postings": ...}}} in the encodings of
 * {@link SearchCodec}. {@code head} holds title and author tokens with their weighted term frequencies, {@code body}
 * the body's; a term's tf in a document is the sum of both. Every token of every body is indexed, however deep.
 * To stay small the body gives up one thing: a term in more than a quarter of the documents (and at least
 * {@value #MIN_BITMAP_DF}), where a bitmap is
 * shorter than its list, is stored as a bitmap and counts tf 1 in every body that has it (such terms weigh little in
 * BM25; titles and authors keep their exact weights). Snippets come from the first {@value #SNIPPET_CHARS}
 * characters of a text only.
 */
final class SearchIndex {

    static final int TITLE_WEIGHT = 8;
    static final int AUTHOR_WEIGHT = 3;
    static final int SNIPPET_CHARS = 240;
    static final String GLOBAL = "LINKSHELF_SEARCH";
    static final int FORMAT = 2;
    /** Below this many documents a term keeps its exact tf: the bytes a bitmap saves would not be worth it. */
    static final int MIN_BITMAP_DF = 100;
    static final double K1 = 1.2;
    static final double B = 0.75;

    private final List<SearchDoc> docs;
    private final int[] lengths;
    private final double avgLength;
    /** Title and author tokens: token → [doc, weighted tf, ...] with doc ids ascending. */
    private final Map<String, Postings> head = new HashMap<>();
    /** Body tokens, tf as the browser will see it (1 for terms stored as bitmaps). */
    private final Map<String, Postings> body = new HashMap<>();

    private static final class Postings {
        int[] pairs = new int[4];
        int size;
        boolean bitmap;

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
            Map<String, Integer> headTf = new LinkedHashMap<>();
            Map<String, Integer> bodyTf = new LinkedHashMap<>();
            List<String> text = SearchTokens.of(doc.text());
            List<String> title = SearchTokens.of(doc.title());
            text.forEach(t -> bodyTf.merge(t, 1, Integer::sum));
            title.forEach(t -> headTf.merge(t, TITLE_WEIGHT, Integer::sum));
            SearchTokens.of(doc.author()).forEach(t -> headTf.merge(t, AUTHOR_WEIGHT, Integer::sum));
            lengths[d] = text.size() + title.size();
            total += lengths[d];
            final int id = d;
            headTf.forEach((token, f) -> head.computeIfAbsent(token, k -> new Postings()).add(id, f));
            bodyTf.forEach((token, f) -> body.computeIfAbsent(token, k -> new Postings()).add(id, f));
        }
        avgLength = docs.isEmpty() ? 1 : Math.max(1.0, (double) total / docs.size());
        body.values().forEach(this::settleEncoding);
    }

    /** Common terms whose bitmap is shorter than their list become bitmaps, and tf 1 everywhere (see the class doc). */
    private void settleEncoding(Postings p) {
        if (p.df() * 4 <= docs.size() || p.df() < MIN_BITMAP_DF) {
            return;
        }
        StringBuilder list = new StringBuilder();
        SearchCodec.list(list, p.pairs, p.size);
        if (SearchCodec.bitmapLength(docs.size()) < list.length()) {
            p.bitmap = true;
            for (int i = 1; i < p.size; i += 2) {
                p.pairs[i] = 1;
            }
        }
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
            Map<Integer, Integer> tf = new HashMap<>();
            for (Postings p : new Postings[] {head.get(token), body.get(token)}) {
                for (int i = 0; p != null && i < p.size; i += 2) {
                    tf.merge(p.pairs[i], p.pairs[i + 1], Integer::sum);
                }
            }
            tf.forEach((doc, f) -> {
                double[] s = scores.computeIfAbsent(doc, k -> new double[2]);
                s[0] += weight(f, tf.size(), docs.size(), lengths[doc], avgLength);
                s[1] += 1;
            });
        }
        return scores.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, double[]> e) -> -e.getValue()[0] * e.getValue()[1] / tokens.size())
                        .thenComparing(Map.Entry::getKey))
                .map(e -> docs.get(e.getKey()).path())
                .toList();
    }

    /** Distinct terms over titles, authors and bodies. */
    int terms() {
        LinkedHashSet<String> all = new LinkedHashSet<>(head.keySet());
        all.addAll(body.keySet());
        return all.size();
    }

    /** The index as the JavaScript file the site loads. */
    String toJavaScript() {
        List<List<Object>> docRows = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            SearchDoc doc = docs.get(d);
            docRows.add(List.of(doc.path(), clean(doc.title()), clean(doc.author()), doc.date(), lengths[d], snippetText(doc.text())));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("v", FORMAT);
        root.put("docs", docRows);
        root.put("head", part(head));
        root.put("body", part(body));
        try {
            return "window." + GLOBAL + " = " + new ObjectMapper().writeValueAsString(root) + ";\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the search index", e);
        }
    }

    private Map<String, String> part(Map<String, Postings> postings) {
        List<String> sorted = postings.keySet().stream().sorted().toList();
        StringBuilder records = new StringBuilder(sorted.size() * 4);
        for (String token : sorted) {
            if (records.length() > 0) {
                records.append(' ');
            }
            Postings p = postings.get(token);
            if (p.bitmap) {
                SearchCodec.bitmap(records, p.pairs, p.size, docs.size());
            } else {
                SearchCodec.list(records, p.pairs, p.size);
            }
        }
        Map<String, String> part = new LinkedHashMap<>();
        part.put("terms", SearchCodec.terms(sorted));
        part.put("postings", records.toString());
        return part;
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
