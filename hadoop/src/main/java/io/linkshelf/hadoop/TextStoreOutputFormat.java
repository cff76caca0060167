package io.linkshelf.hadoop;

import java.io.IOException;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.RecordWriter;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.FileOutputCommitter;
import org.apache.hadoop.mapreduce.lib.output.FileOutputFormat;

/**
 * Writes each record as a file of its own: the key is the path under the output directory, the value the file's
 * bytes, so the output directory is a text store. Files go to the task's work directory and reach the output
 * when the task commits, so a failed or repeated task attempt leaves nothing half-written behind.
 */
final class TextStoreOutputFormat extends FileOutputFormat<Text, BytesWritable> {

    @Override
    public RecordWriter<Text, BytesWritable> getRecordWriter(TaskAttemptContext context) throws IOException {
        Path work = ((FileOutputCommitter) getOutputCommitter(context)).getWorkPath();
        FileSystem jobFs = work.getFileSystem(context.getConfiguration());
        // On a local file system, no .crc file beside each article: the output is a text store for people and rg.
        FileSystem fs = jobFs instanceof ChecksumFileSystem local ? local.getRawFileSystem() : jobFs;
        return new RecordWriter<>() {
            @Override
            public void write(Text key, BytesWritable value) throws IOException {
                String relative = key.toString();
                if (relative.isEmpty() || relative.startsWith("/") || relative.contains("..")) {
                    throw new IOException("not a path inside the text store: " + relative);
                }
                try (FSDataOutputStream out = fs.create(new Path(work, relative), false)) {
                    out.write(value.getBytes(), 0, value.getLength());
                }
            }

            @Override
            public void close(TaskAttemptContext ignored) {
                // every file is closed as soon as it is written
            }
        };
    }
}
