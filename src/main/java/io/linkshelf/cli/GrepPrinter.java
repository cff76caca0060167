package io.linkshelf.cli;

import io.linkshelf.search.ArticleHit;
import io.linkshelf.search.Grep;
import java.io.PrintWriter;

/** Prints grep results as they come, one article at a time. */
interface GrepPrinter {

    /** An article's output; called on the searching threads, so it must not touch shared state. */
    String render(ArticleHit hit);

    /** Prints a rendered article, on the calling thread, in order. */
    void print(String rendered);

    /** After the last article; {@code err} is for the human summary line when nothing matched. */
    void finish(Grep.Summary summary, PrintWriter err);
}
