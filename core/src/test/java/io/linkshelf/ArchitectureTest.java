package io.linkshelf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's architecture table, checked on the main sources of both modules
 * (read as text: a rule broken by an import or a fully qualified name shows either way).
 */
class ArchitectureTest {

    private static final Path CORE = Path.of("src/main/java/io/linkshelf");
    private static final Path HADOOP = Path.of("../hadoop/src/main/java/io/linkshelf");

    /** Directory names under archive/ and reports/ and the files in them: only ArchiveLayout spells them. */
    private static final Pattern LAYOUT_LITERAL = Pattern.compile(
            "(?:resolve|Path)\\((?:[^()\"]*,\\s*)?\"(snapshots|warc|index|text|mirror|packs|state|quarantine|exports|reports"
                    + "|a|img|lock|frontier|captures\\.cdxj|grep|report\\.html|report\\.json|index\\.html|\\.history"
                    + "|search-index\\.js)\"");

    @Test
    void onlyCrawlAndTheCliImportTheCrawlPackage() {
        List<String> offenders = new ArrayList<>();
        for (Path file : mainSources()) {
            String pkg = packageOf(file);
            if (pkg.equals("io.linkshelf.crawl") || pkg.equals("io.linkshelf.cli")) {
                continue;
            }
            if (read(file).contains("io.linkshelf.crawl.")) {
                offenders.add(file.toString());
            }
        }
        assertThat(offenders).as("main classes outside crawl and cli that use io.linkshelf.crawl").isEmpty();
    }

    @Test
    void noPathUnderTheArchiveIsSpelledOutsideArchiveLayout() {
        List<String> offenders = new ArrayList<>();
        for (Path file : mainSources()) {
            if (file.getFileName().toString().equals("ArchiveLayout.java")) {
                continue;
            }
            List<String> lines = read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LAYOUT_LITERAL.matcher(lines.get(i));
                if (m.find()) {
                    offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(offenders).as("archive paths spelled outside snapshot.ArchiveLayout").isEmpty();
    }

    @Test
    void eachConceptHasOneTypeOfItsName() {
        Pattern type = Pattern.compile("(?m)^\\s*(?:public\\s+|static\\s+|final\\s+|sealed\\s+)*(?:class|record|enum|interface)\\s+(\\w+)");
        java.util.Map<String, List<String>> where = new java.util.TreeMap<>();
        for (Path file : mainSources()) {
            Matcher m = type.matcher(read(file));
            while (m.find()) {
                where.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(packageOf(file));
            }
        }
        for (String name : List.of("Platform", "Html", "IndexPage", "Truncation", "ArticleFacts", "GrepJson", "AtomicFiles")) {
            assertThat(where.getOrDefault(name, List.of())).as("packages declaring a type named " + name).hasSize(1);
        }
        assertThat(where.get("GrepJson")).containsExactly("io.linkshelf.search");
    }

    @Test
    void theRuleCatchesALayoutLiteral() {
        assertThat(LAYOUT_LITERAL.matcher("Path p = archive.resolve(\"snapshots\");").find()).isTrue();
        assertThat(LAYOUT_LITERAL.matcher("new Path(archive, \"warc\")").find()).isTrue();
        assertThat(LAYOUT_LITERAL.matcher("uri.resolve(\"/robots.txt\")").find()).isFalse();
    }

    static List<Path> mainSources() {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(CORE, HADOOP)) {
            assertThat(root).as("source root (tests run in the module directory)").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static String packageOf(Path file) {
        Matcher m = Pattern.compile("(?m)^package ([\\w.]+);").matcher(read(file));
        return m.find() ? m.group(1) : "";
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
