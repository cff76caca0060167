package io.linkshelf.hadoop;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Option(names = "--archive", required = true, paramLabel = "DIR",
            description = "The archive directory (holding warc/ and snapshots/) on any Hadoop file system.")
    String archive;

    @Option(names = {"-v", "--verbose"}, description = "Print the job's counters when it ends.")
    boolean verbose;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The text store to write; must not exist.")
    String output;

    TextJobCommand(Configuration base) {
        this.base = base;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Configuration conf = new Configuration(base);
        JobSettings.archive(conf, archive);
        // The output is a text store and nothing else: no _SUCCESS marker among the articles.
        conf.setBoolean("mapreduce.fileoutputcommitter.marksuccessfuljobs", false);
        Job job = JobRunner.warcJob(conf, "linkshelf text", TextMapper.class);
        JobRunner.verbose(job, verbose);
        job.setNumReduceTasks(0);
        job.setOutputKeyClass(Text.class);
        job.setOutputValueClass(BytesWritable.class);
        job.setOutputFormatClass(TextStoreOutputFormat.class);
        JobRunner.paths(job, new Path(archive), new Path(output));
        if (!JobRunner.run(job, err)) {
            return LinkshelfHadoop.ERROR;
        }
        long written = JobRunner.counter(job, JobCounters.FILES_WRITTEN);
        long empty = JobRunner.counter(job, JobCounters.NO_ARTICLE);
        err.println("linkshelf-hadoop: wrote " + written + " text file" + (written == 1 ? "" : "s") + " to " + output
                + (empty > 0 ? " (" + empty + " versions held no article)" : ""));
        return LinkshelfHadoop.OK;
    }
}
