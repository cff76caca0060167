package io.linkshelf.hadoop;

import io.linkshelf.snapshot.ArchiveLayout;
import io.linkshelf.search.GrepJson;
import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.GrepQuery;
import io.linkshelf.search.TextSearcher;
import io.linkshelf.search.TextStore;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.Text;
import org.jspecify.annotations.Nullable;

/**
 * Searches each article version in scope as {@code linkshelf grep} searches its text file, and emits the
 * version's {@code --json} lines under a key that sorts as the local grep orders its output.
 */
final class GrepMapper extends VersionMapper<Text, Text> {

    private @Nullable TextSearcher searcher;
    private boolean allVersions;
    private boolean perArticle;
    private java.nio.file.Path shownAs = java.nio.file.Path.of("archive");
    private final Text outKey = new Text();
    private final Text outValue = new Text();

    @Override
    protected void setup(Context context) throws IOException, InterruptedException {
        super.setup(context);
        Configuration conf = context.getConfiguration();
        GrepQuery query = JobSettings.query(conf);
        searcher = new TextSearcher(query);
        allVersions = query.allVersions();
        perArticle = JobSettings.perArticle(conf);
        shownAs = JobSettings.shownAs(conf);
    }

    @Override
    void version(TextStore.Planned planned, byte[] text, Context context) throws IOException, InterruptedException {
        if (!planned.latest() && !allVersions) {
            return;
        }
        context.getCounter(JobCounters.SEARCHED).increment(1);
        String key = planned.version().key();
        java.nio.file.Path file = ArchiveLayout.of(shownAs).text().resolve(planned.relativePath());
        Optional<ArticleHit> hit = Objects.requireNonNull(searcher, "setup() makes the searcher")
                .search(key, file, planned.latest(), text);
        if (hit.isEmpty()) {
            return;
        }
        context.getCounter(JobCounters.MATCHING_ARTICLES).increment(1);
        context.getCounter(JobCounters.MATCHING_LINES).increment(hit.get().matchingLines());
        String json = GrepJson.render(hit.get(), shownAs, perArticle);
        outKey.set(GrepOrder.key(key, planned.latest(), planned.version().snapshot().value()));
        // The output format ends each value with a line end; the rendering's own last one goes.
        outValue.set(json.endsWith("\n") ? json.substring(0, json.length() - 1) : json);
        context.write(outKey, outValue);
    }
}
