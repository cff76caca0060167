package io.linkshelf.hadoop;

import com.martinkl.warc.WARCRecord;
import com.martinkl.warc.WARCWritable;
import io.linkshelf.archive.ArchiveView;
import io.linkshelf.extract.Article;
import io.linkshelf.search.TextStore;
import io.linkshelf.warc.CaptureReader;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.jspecify.annotations.Nullable;

/**
 * Reads one WARC file's records and hands each article version found in them on as its text file, rendered
 * exactly as the local text store writes it. What happens to the text is the subclass's job.
 */
abstract class VersionMapper<K, V> extends Mapper<LongWritable, WARCWritable, K, V> {

    private @Nullable ArchivePlan plan;
    private String file = "";

    @Override
    protected void setup(Context context) throws IOException, InterruptedException {
        plan = ArchivePlan.load(context.getConfiguration(), JobSettings.archive(context.getConfiguration()));
        file = context.getInputSplit() instanceof FileSplit split ? split.getPath().toString() : "";
    }

    @Override
    protected void map(LongWritable number, WARCWritable value, Context context) throws IOException, InterruptedException {
        context.getCounter(JobCounters.RECORDS).increment(1);
        WARCRecord record = value.getRecord();
        if (record == null || !StoredRecords.isResponse(record)) {
            return;
        }
        ArchivePlan plan = Objects.requireNonNull(this.plan, "setup() reads the plan first");
        List<TextStore.Planned> versions = StoredRecords.id(record).map(plan::versionsIn).orElse(List.of());
        if (versions.isEmpty()) {
            return;
        }
        CaptureReader.StoredResponse stored = StoredRecords.read(record, file + ", record " + number.get());
        for (TextStore.Planned planned : versions) {
            context.getCounter(JobCounters.VERSIONS).increment(1);
            Optional<Article> article = ArchiveView.article(planned.version(), stored);
            if (article.isEmpty()) {
                context.getCounter(JobCounters.NO_ARTICLE).increment(1);
                continue;
            }
            version(planned, TextStore.render(planned.version(), article.get()), context);
        }
    }

    /** One version's text file, as {@code archive/text/} would hold it. */
    abstract void version(TextStore.Planned planned, byte[] text, Context context) throws IOException, InterruptedException;
}
