package io.linkshelf.hadoop;

import io.linkshelf.search.GrepQuery;
import java.net.URI;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** What the driver tells the tasks, through the job's configuration. */
final class JobSettings {

    private static final String ARCHIVE = "linkshelf.archive";
    private static final String SHOWN_AS = "linkshelf.archive.shown-as";
    private static final String PATTERN = "linkshelf.grep.pattern";
    private static final String FIXED = "linkshelf.grep.fixed";
    private static final String IGNORE_CASE = "linkshelf.grep.ignore-case";
    private static final String WORD = "linkshelf.grep.word";
    private static final String CONTEXT = "linkshelf.grep.context";
    private static final String AUTHOR = "linkshelf.grep.author";
    private static final String SECTION = "linkshelf.grep.section";
    private static final String ALL_VERSIONS = "linkshelf.grep.all-versions";
    private static final String FIRST_MATCH_ONLY = "linkshelf.grep.first-match-only";
    private static final String PER_ARTICLE = "linkshelf.grep.per-article";

    private JobSettings() {}

    static void archive(Configuration conf, String archive) {
        conf.set(ARCHIVE, archive);
        conf.set(SHOWN_AS, shownAs(archive));
    }

    static Path archive(Configuration conf) {
        return new Path(required(conf, ARCHIVE));
    }

    /**
     * The archive as the {@code path} and {@code mirror} fields of grep's JSON start with it: as the user wrote
     * it, less any scheme and authority ({@code hdfs://nn:8020/data/archive} shows as {@code /data/archive}), so
     * an archive given as {@code /data/archive} to both the job and {@code linkshelf grep} gives the same lines.
     */
    static java.nio.file.Path shownAs(Configuration conf) {
        return java.nio.file.Path.of(required(conf, SHOWN_AS));
    }

    private static String shownAs(String archive) {
        URI uri = new Path(archive).toUri();
        return uri.getScheme() == null ? archive : uri.getPath();
    }

    static void query(Configuration conf, GrepQuery query, boolean perArticle) {
        conf.set(PATTERN, query.pattern());
        conf.setBoolean(FIXED, query.fixed());
        conf.setBoolean(IGNORE_CASE, query.ignoreCase());
        conf.setBoolean(WORD, query.word());
        conf.setInt(CONTEXT, query.context());
        query.author().ifPresent(a -> conf.set(AUTHOR, a));
        query.section().ifPresent(s -> conf.set(SECTION, s));
        conf.setBoolean(ALL_VERSIONS, query.allVersions());
        conf.setBoolean(FIRST_MATCH_ONLY, query.firstMatchOnly());
        conf.setBoolean(PER_ARTICLE, perArticle);
    }

    static GrepQuery query(Configuration conf) {
        return new GrepQuery(required(conf, PATTERN), conf.getBoolean(FIXED, false), conf.getBoolean(IGNORE_CASE, false),
                conf.getBoolean(WORD, false), conf.getInt(CONTEXT, 0), Optional.ofNullable(conf.get(AUTHOR)),
                Optional.ofNullable(conf.get(SECTION)), conf.getBoolean(ALL_VERSIONS, false),
                conf.getBoolean(FIRST_MATCH_ONLY, false));
    }

    /** One JSON object per article ({@code -l}, {@code -c}) rather than per matching line. */
    static boolean perArticle(Configuration conf) {
        return conf.getBoolean(PER_ARTICLE, false);
    }

    private static String required(Configuration conf, String name) {
        String value = conf.get(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the job through linkshelf-hadoop's driver");
        }
        return value;
    }
}
