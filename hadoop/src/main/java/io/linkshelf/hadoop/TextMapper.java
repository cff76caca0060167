package io.linkshelf.hadoop;

import io.linkshelf.search.TextStore;
import java.io.IOException;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;

/** Emits every article version's text file under its path in the text store. */
final class TextMapper extends VersionMapper<Text, BytesWritable> {

    private final Text path = new Text();
    private final BytesWritable bytes = new BytesWritable();

    @Override
    void version(TextStore.Planned planned, byte[] text, Context context) throws IOException, InterruptedException {
        path.set(planned.relativePath());
        bytes.set(text, 0, text.length);
        context.write(path, bytes);
        context.getCounter(JobCounters.FILES_WRITTEN).increment(1);
    }
}
