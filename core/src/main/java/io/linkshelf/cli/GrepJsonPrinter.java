package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
import io.linkshelf.search.GrepJson;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code grep --json}: prints each article's {@link GrepJson} objects. */
final class GrepJsonPrinter implements GrepPrinter {

    private final GrepOutput out;
    private final Path archive;
    private final boolean perArticle;

    GrepJsonPrinter(GrepOutput out, Path archive, boolean list, boolean count) {
        this.out = out;
        this.archive = archive;
        this.perArticle = list || count;
    }

    @Override
    public void print(GrepBytes rendered) {
        out.write(rendered);
    }

    @Override
    public GrepBytes render(ArticleHit hit) {
        return GrepBytes.of(GrepJson.render(hit, archive, perArticle));
    }

    @Override
    public void finish(Grep.Summary summary, PrintWriter err) {
        // JSON output carries no summary line: every line is a match object.
    }
}
