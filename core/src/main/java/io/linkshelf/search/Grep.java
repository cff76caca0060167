package io.linkshelf.search;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Greps the text store. The grep index picks candidate articles (those holding every trigram of
 * a literal the pattern needs); each candidate's file is then searched line by line, in parallel,
 * and results come back in article-key order. Only the text files and the index are read: no WARC,
 * no extraction.
 */
public final class Grep {

    /** Batches in flight per thread. */
    private static final int WINDOW = 4;
    /** Files per batch at most. */
    private static final int MAX_BATCH = 16;

    private final Path textDir;
    private final Optional<TrigramIndex> index;

    private Grep(Path textDir, Optional<TrigramIndex> index) {
        this.textDir = textDir;
        this.index = index;
    }

    /**
     * What a search found.
     *
     * @param articles article versions in scope (after nothing but the version choice)
     * @param matchingArticles article versions with at least one matching line
     * @param matchingLines matching lines in all
     * @param read how many files were read (fewer than {@code articles} when the index helped)
     * @param indexed whether the grep index was used (false when missing or out of date)
     */
    public record Summary(int articles, int matchingArticles, long matchingLines, int read, boolean indexed) {}

    /** Opens the text store of an archive; fails if there is none. */
    public static Grep open(Path archive) throws IOException {
        Path text = TextStore.textDir(archive);
        if (!Files.isDirectory(text)) {
            throw new NoSuchFileException(text.toString(), null, "no text store (it is written by linkshelf crawl)");
        }
        Optional<TrigramIndex> index = TrigramIndex.open(TextStore.indexDir(archive));
        if (index.isPresent() && !index.get().freshFor(text)) {
            index = Optional.empty(); // stale: searching every file is slower but never misses one
        }
        return new Grep(text, index);
    }

    /** Whether there is a grep index that is up to date with the text files. */
    public boolean indexed() {
        return index.isPresent();
    }

    /**
     * A file to search. Files named by the index get their path on the searching thread: making 100,000 paths
     * (each key checked) on the main thread kept the searching threads waiting for their first batch.
     */
    private record Target(String key, String snapshot, boolean latest, @Nullable Path listed) {

        Path file(Path textDir) {
            if (listed != null) {
                return listed;
            }
            return latest ? TextFiles.latest(textDir, key) : TextFiles.history(textDir, key, snapshot);
        }
    }

    /**
     * Runs a query, handing each matching article version to {@code sink} in key order (the latest
     * version of an article before its earlier ones), on the calling thread.
     *
     * @throws java.util.regex.PatternSyntaxException if the pattern is not a valid regex
     */
    public Summary search(GrepQuery query, Consumer<ArticleHit> sink) throws IOException {
        return search(query, ArticleHit::detached, sink);
    }

    private record Prepared<T>(T value, int lines) {}

    /**
     * Runs a query as {@link #search(GrepQuery, Consumer)} does, but first turns each hit into a
     * {@code T} with {@code prepare} on the searching threads (say, formatting it for output), so
     * that work runs in parallel; {@code prepare} must be thread-safe. The hit it gets is valid only
     * during the call: its lines are views of a read buffer that the thread reuses for its next file,
     * so {@code T} must not hold on to the hit or its lines.
     */
    public <T> Summary search(GrepQuery query, Function<ArticleHit, T> prepare, Consumer<T> sink) throws IOException {
        CompiledQuery compiled = CompiledQuery.of(query);
        List<Target> targets = new ArrayList<>();
        int inScope = targets(compiled, targets);
        Comparator<Target> order = Comparator.comparing(Target::key)
                .thenComparing(Target::latest, Comparator.reverseOrder())
                .thenComparing(Target::snapshot, Comparator.reverseOrder());
        if (!sorted(targets, order)) {
            targets.sort(order);
        }
        DocSearcher searcher = new DocSearcher(compiled);
        int matching = 0;
        long lines = 0;
        int threads = Math.min(8, Runtime.getRuntime().availableProcessors());
        if (targets.size() <= 8 || threads == 1) {
            for (Target t : targets) {
                Optional<Prepared<T>> hit = searchOne(searcher, textDir, t, prepare);
                if (hit.isPresent()) {
                    matching++;
                    lines += hit.get().lines();
                    sink.accept(hit.get().value());
                }
            }
            return new Summary(inScope, matching, lines, targets.size(), index.isPresent());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "linkshelf-grep");
            thread.setDaemon(true);
            return thread;
        });
        // Files go to the threads in batches: a hand-over per file (a task, a wake-up) costs about
        // as much as searching a small file. Small searches get small batches, so both threads work.
        int batch = Math.max(1, Math.min(MAX_BATCH, targets.size() / (threads * WINDOW)));
        try {
            Deque<Future<List<Prepared<T>>>> window = new ArrayDeque<>();
            int next = 0;
            while (next < targets.size() || !window.isEmpty()) {
                // A bounded window keeps memory at a few batches' worth while results stay in order.
                while (next < targets.size() && window.size() < threads * WINDOW) {
                    List<Target> part = targets.subList(next, Math.min(targets.size(), next + batch));
                    next += part.size();
                    window.add(pool.submit(() -> searchBatch(searcher, textDir, part, prepare)));
                }
                for (Prepared<T> hit : await(window.poll())) {
                    matching++;
                    lines += hit.lines();
                    sink.accept(hit.value());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Summary(inScope, matching, lines, targets.size(), index.isPresent());
    }

    private static <T> List<Prepared<T>> searchBatch(DocSearcher searcher, Path textDir, List<Target> part, Function<ArticleHit, T> prepare)
            throws IOException {
        List<Prepared<T>> hits = new ArrayList<>();
        for (Target t : part) {
            searchOne(searcher, textDir, t, prepare).ifPresent(hits::add);
        }
        return hits;
    }

    private static <T> boolean sorted(List<T> list, Comparator<T> order) {
        for (int i = 1; i < list.size(); i++) {
            if (order.compare(list.get(i - 1), list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private int targets(CompiledQuery compiled, List<Target> targets) throws IOException {
        boolean all = compiled.query().allVersions();
        if (index.isPresent()) {
            List<TrigramIndex.Doc> docs = index.get().docs();
            BitSet candidates = index.get().candidates(compiled.branches());
            int inScope = 0;
            for (TrigramIndex.Doc doc : docs) {
                boolean wanted = doc.state() == 'L' || (all && doc.state() == 'H');
                if (!wanted) {
                    continue;
                }
                inScope++;
                if (candidates.get(doc.id())) {
                    boolean latest = doc.state() == 'L';
                    targets.add(new Target(doc.key(), doc.snapshot(), latest, null));
                }
            }
            return inScope;
        }
        for (TextScan.Item item : TextScan.list(textDir, all)) {
            targets.add(new Target(item.key(), item.snapshot(), item.latest(), item.path()));
        }
        return targets.size();
    }

    private static <T> Optional<Prepared<T>> searchOne(DocSearcher searcher, Path textDir, Target t, Function<ArticleHit, T> prepare)
            throws IOException {
        try {
            return searcher.search(t.key(), t.file(textDir), t.latest())
                    .map(hit -> new Prepared<>(prepare.apply(hit), hit.matchingLines()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // moved into the history by an update running now
        }
    }

    private static <T> List<Prepared<T>> await(Future<List<Prepared<T>>> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("grep interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
