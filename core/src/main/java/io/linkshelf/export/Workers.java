package io.linkshelf.export;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent export jobs (books, notes) on one thread per core: each job reads its own articles from the
 * archive and writes its own files, so they share nothing but read-only inputs.
 */
final class Workers {

    private Workers() {}

    static int threads(int jobs) {
        return Math.max(1, Math.min(jobs, Math.min(Runtime.getRuntime().availableProcessors(), 8)));
    }

    /** The jobs' results in job order; the first failure stops the rest and is thrown as it was. */
    static <T> List<T> run(List<Callable<T>> jobs) throws IOException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        int threads = threads(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "linkshelf-export");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("export interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("export job failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
