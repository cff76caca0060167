package io.linkshelf.hadoop;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import picocli.CommandLine.Option;

/** The options every job takes: where the archive is, where the output goes, how much to say. A picocli mixin. */
final class JobOptions {

    @Option(names = "--archive", required = true, paramLabel = "DIR",
            description = "The archive directory (holding warc/ and snapshots/) on any Hadoop file system.")
    String archive;

    @Option(names = "--output", required = true, paramLabel = "DIR",
            description = "The output directory (grep: part-r-00000; text: the text store); must not exist.")
    String output;

    @Option(names = {"-v", "--verbose"}, description = "Print the job's counters when it ends.")
    boolean verbose;

    /** A job reading this archive's WARC files into {@code mapper}, its configuration {@code conf} plus the archive. */
    Job job(Configuration conf, String name, Class<? extends Mapper<?, ?, ?, ?>> mapper) throws IOException {
        JobSettings.archive(conf, archive);
        Job job = JobRunner.warcJob(conf, name, mapper);
        JobRunner.verbose(job, verbose);
        return job;
    }

    /** Checks the archive and the output, and points the job at them. */
    void paths(Job job) throws IOException {
        JobRunner.paths(job, new Path(archive), new Path(output));
    }

    Path output() {
        return new Path(output);
    }
}
