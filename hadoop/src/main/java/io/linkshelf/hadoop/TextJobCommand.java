package io.linkshelf.hadoop;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The text job: writes the text store (what {@code archive/text/} holds after {@code linkshelf crawl}) from the
 * archive's WARC files into a new directory: each article's latest version as {@code <key>.txt}, earlier ones as
 * {@code .history/<key>/<snapshot>.txt}, byte for byte as the local store. Map-only.
 */
@Command(name = "text", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the text store (archive/text) from the WARC files into a new directory.")
final class TextJobCommand implements Callable<Integer> {

    private final Configuration base;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    JobOptions options;

    TextJobCommand(Configuration base) {
        this.base = base;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Configuration conf = new Configuration(base);
        // The output is a text store and nothing else: no _SUCCESS marker among the articles.
        conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", false);
        Job job = options.job(conf, "linkshelf text", TextMapper.class);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(BytesWritable.class);
        job.setOutputFormatClass(TextStoreOutputFormat.class);
        options.paths(job);
        if (!JobRunner.run(job, err)) {
            return LinkshelfHadoop.ERROR;
        }
        long written = JobRunner.counter(job, JobCounters.FILES_WRITTEN);
        long empty = JobRunner.counter(job, JobCounters.NO_ARTICLE);
        err.println("linkshelf-hadoop: wrote " + written + " text file" + (written == 1 ? "" : "s") + " to " + options.output()
                + (empty > 0 ? " (" + empty + " versions held no article)" : ""));
        return LinkshelfHadoop.OK;
    }
}
