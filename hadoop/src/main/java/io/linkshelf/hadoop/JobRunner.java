package io.linkshelf.hadoop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import com.martinkl.warc.mapreduce.WARCInputFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/** Sets a job's input and output after checking them, then runs it, printing progress. */
final class JobRunner {

    private JobRunner() {}

    /** A job that reads the archive's WARC files with warc-hadoop's input format into {@code mapper}. */
    static Job warcJob(Configuration conf, String name, Class<? extends Mapper<?, ?, ?, ?>> mapper) throws IOException {
        Job job = Job.getInstance(conf, name);
        job.setJarByClass(LinkshelfHadoop.class);
        job.setInputFormatClass(WARCInputFormat.class);
        job.setMapperClass(mapper);
        return job;
    }

    /**
     * Points the job at the archive's WARC files and its output, failing with a one-line message when there are
     * no WARC files or the output exists, before anything is submitted (Hadoop's own errors for these come after
     * a job has been set up, and bury the cause). The files are listed here rather than given to Hadoop as a
     * directory and a filter: its filter applies to the directory too.
     */
    static void paths(Job job, Path archive, Path output) throws IOException {
        FileSystem fs = archive.getFileSystem(job.getConfiguration());
        Path warc = WarcFiles.dir(archive);
        if (!fs.isDirectory(warc)) {
            throw new IOException("no WARC directory at " + fs.makeQualified(warc) + ": --archive names the archive directory"
                    + " (the one holding warc/ and snapshots/)");
        }
        FileStatus[] files = fs.listStatus(warc, new WarcFiles());
        if (files.length == 0) {
            throw new IOException("no *" + WarcFiles.SUFFIX + " files in " + fs.makeQualified(warc) + ": nothing to read");
        }
        if (!fs.isDirectory(ArchivePlan.snapshots(archive))) {
            throw new IOException("no snapshot manifests in " + fs.makeQualified(ArchivePlan.snapshots(archive))
                    + ": is " + archive + " a linkshelf archive?");
        }
        FileSystem outFs = output.getFileSystem(job.getConfiguration());
        if (outFs.exists(output)) {
            throw new IOException("the output " + outFs.makeQualified(output) + " exists already: remove it or name another");
        }
        Path[] inputs = new Path[files.length];
        for (int i = 0; i < files.length; i++) {
            inputs[i] = files[i].getPath();
        }
        FileInputFormat.setInputPaths(job, inputs);
        FileOutputFormat.setOutputPath(job, output);
    }

    /**
     * Submits the job and waits, printing map and reduce progress as it changes; true when it succeeded, and when
     * it failed, says why in one line (Hadoop's failure info, or where its task logs are).
     */
    static boolean run(Job job, PrintWriter err) throws IOException {
        try {
            job.submit();
            err.println("linkshelf-hadoop: submitted " + job.getJobID() + " (" + job.getTrackingURL() + ")");
            String last = "";
            while (!job.isComplete()) {
                String now = String.format("map %3.0f%%  reduce %3.0f%%", job.mapProgress() * 100, job.reduceProgress() * 100);
                if (!now.equals(last)) {
                    err.println("linkshelf-hadoop: " + job.getJobName() + ": " + now);
                    last = now;
                }
                Thread.sleep(1000);
            }
            if (!job.isSuccessful()) {
                err.println("linkshelf-hadoop: " + job.getJobName() + " failed: " + failure(job));
                return false;
            }
            if (verbose(job)) {
                printCounters(job, err);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + job.getJobName());
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot load a job class (is linkshelf-hadoop.jar the job jar?): " + e.getMessage(), e);
        }
    }

    private static final String VERBOSE = "linkshelf.verbose";

    /** Whether {@link #run} prints the job's counters when it ends ({@code -v}). */
    static void verbose(Job job, boolean verbose) {
        job.getConfiguration().setBoolean(VERBOSE, verbose);
    }

    private static boolean verbose(Job job) {
        return job.getConfiguration().getBoolean(VERBOSE, false);
    }

    /** Why a job failed, as Hadoop tells it. */
    private static String failure(Job job) throws IOException {
        try {
            String info = job.getStatus().getFailureInfo();
            return info == null || info.isBlank() ? "see the job's task logs (" + job.getTrackingURL() + ")" : info;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking why " + job.getJobName() + " failed");
        }
    }

    /** Every linkshelf counter of a finished job, a line each (for --verbose). */
    private static void printCounters(Job job, PrintWriter err) throws IOException {
        for (JobCounters counter : JobCounters.values()) {
            err.println("linkshelf-hadoop:   " + counter.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": "
                    + counter(job, counter));
        }
    }

    static long counter(Job job, JobCounters counter) throws IOException {
        return job.getCounters().findCounter(counter).getValue();
    }
}
