package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
import java.io.PrintWriter;

/** Prints grep results as they come, one article at a time, as UTF-8 bytes. */
interface GrepPrinter {

    /** An article's output; called on the searching threads, so it must not touch shared state. */
    GrepBytes render(ArticleHit hit);

    /** Prints a rendered article, on the calling thread, in order. */
    void print(GrepBytes rendered);

    /** After the last article; {@code err} is for the human summary line when nothing matched. */
    void finish(Grep.Summary summary, PrintWriter err);
}
