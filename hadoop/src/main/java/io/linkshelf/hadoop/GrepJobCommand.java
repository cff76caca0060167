package io.linkshelf.hadoop;

import io.linkshelf.cli.GrepQueryOptions;
import io.linkshelf.search.GrepQuery;
import io.linkshelf.search.TextSearcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.PatternSyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The grep job: {@code linkshelf grep --json} over the archive's WARC files. Its pattern and query options are
 * the local grep's ({@link GrepQueryOptions}); the output is one file, {@code part-r-00000}, holding what
 * {@code linkshelf grep --json} prints for the same archive, in the same order.
 */
@Command(name = "grep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Search every article's text, as `linkshelf grep --json` does, reading the WARC files.")
final class GrepJobCommand implements Callable<Integer> {

    private final Configuration base;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    GrepQueryOptions match;

    @Mixin
    JobOptions options;

    GrepJobCommand(Configuration base) {
        this.base = base;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // The same query linkshelf grep makes of the same options.
        GrepQuery query = match.query(spec.commandLine());
        try {
            new TextSearcher(query);
        } catch (PatternSyntaxException e) {
            err.println("linkshelf-hadoop: bad regular expression at position " + e.getIndex() + ": " + e.getDescription()
                    + " in " + e.getPattern());
            return LinkshelfHadoop.ERROR;
        }
        Configuration conf = new Configuration(base);
        JobSettings.query(conf, query, match.perArticle());
        Job job = options.job(conf, "linkshelf grep", GrepMapper.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(Text.class);
        job.setReducerClass(GrepReducer.class);
        // One reducer: one file, in order, as linkshelf grep prints it.
        job.setNumReduceTasks(1);
        job.setOutputKeyClass(NullWritable.class);
        job.setOutputValueClass(Text.class);
        job.setOutputFormatClass(TextOutputFormat.class);
        options.paths(job);
        if (!JobRunner.run(job, err)) {
            return LinkshelfHadoop.ERROR;
        }
        long lines = JobRunner.counter(job, JobCounters.MATCHING_LINES);
        long articles = JobRunner.counter(job, JobCounters.MATCHING_ARTICLES);
        long searched = JobRunner.counter(job, JobCounters.SEARCHED);
        err.println("linkshelf-hadoop: " + lines + " matching line" + (lines == 1 ? "" : "s") + " in " + articles + " of "
                + searched + " article versions searched; output in " + new Path(options.output(), "part-r-00000"));
        return lines > 0 ? LinkshelfHadoop.OK : LinkshelfHadoop.NO_MATCH;
    }
}
