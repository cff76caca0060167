package io.linkshelf.cli;

import io.linkshelf.search.GrepQuery;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What to search for, as {@code linkshelf grep} takes it: the pattern and the options that shape a
 * {@link GrepQuery}. A mixin, so every front end that greps the archive (the Hadoop grep job too) takes the
 * same options with the same meaning.
 */
public final class GrepQueryOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN", description = "Java regular expression (or fixed string with -F).")
    String pattern;

    @Option(names = {"-i", "--ignore-case"}, description = "Ignore case and full-/half-width differences (ＤｅｅｐＦＭ = deepfm).")
    boolean ignoreCase;

    @Option(names = {"-F", "--fixed-strings"}, description = "PATTERN is a fixed string, not a regex.")
    boolean fixed;

    @Option(names = {"-w", "--word-regexp"}, description = "Match whole words only.")
    boolean word;

    @Option(names = {"-C", "--context"}, paramLabel = "N", description = "Show N lines of context around each match.")
    int context;

    @Option(names = {"-l", "--files-with-matches"}, description = "One line per matching article, its text file (with JSON output: one object).")
    boolean list;

    @Option(names = {"-c", "--count"}, description = "One line per matching article with its count of matching lines (with JSON output: one object).")
    boolean count;

    @Option(names = "--author", paramLabel = "S", description = "Only articles whose author or author section contains S.")
    String author;

    @Option(names = "--section", paramLabel = "S", description = "Only articles whose seed-list section contains S.")
    String section;

    @Option(names = "--all-versions", description = "Search earlier versions of articles too.")
    boolean allVersions;

    /**
     * The query these options make.
     *
     * @param commandLine the command they were parsed for, named in a usage error
     * @throws CommandLine.ParameterException without a pattern, or with a negative {@code -C}
     */
    public GrepQuery query(CommandLine commandLine) {
        if (pattern == null) {
            throw new CommandLine.ParameterException(commandLine, "Missing required parameter: 'PATTERN'");
        }
        if (context < 0) {
            throw new CommandLine.ParameterException(commandLine, "-C takes a number of lines, 0 or more, not " + context);
        }
        return new GrepQuery(pattern, fixed, ignoreCase, word, perArticle() ? 0 : context,
                Optional.ofNullable(author), Optional.ofNullable(section), allVersions, list);
    }

    /** One line (or JSON object) per matching article rather than per matching line: {@code -l} or {@code -c}. */
    public boolean perArticle() {
        return list || count;
    }
}
