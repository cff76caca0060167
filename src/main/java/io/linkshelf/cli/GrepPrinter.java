package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
import java.io.PrintWriter;

/** Prints grep results as they come, one article at a time. */
interface GrepPrinter {

    void article(ArticleHit hit);

    /** After the last article; {@code err} is for the human summary line when nothing matched. */
    void finish(Grep.Summary summary, PrintWriter err);
}
