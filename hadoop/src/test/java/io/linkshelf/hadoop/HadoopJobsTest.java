package io.linkshelf.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.cli.CliRun;
import io.linkshelf.cli.Main;
import io.linkshelf.search.TextStore;
import io.linkshelf.testing.FixtureArchive;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The two jobs on Hadoop's local job runner (a real MapReduce engine in this JVM: input splits, the shuffle's
 * sort, output committers), over a real two-snapshot archive; their output must equal the command line's byte
 * for byte.
 */
class HadoopJobsTest {

    @TempDir
    static Path dir;
    static FixtureArchive fixture;
    static String archive;

    @BeforeAll
    static void crawlTwiceAndWriteTheLocalTextStore() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        TextStore.update(fixture.archive());
        archive = fixture.archive().toString();
    }

    static Configuration localRunner() {
        Configuration conf = new Configuration(false);
        conf.set("fs.defaultFS", "file:///");
        conf.set("mapreduce.framework.name", "local");
        conf.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
        return conf;
    }

    record Run(int exitCode, String out, String err) {}

    static Run job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LinkshelfHadoop.run(localRunner(), args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static int outputs;

    static Path newOutput() {
        return dir.resolve("out-" + ++outputs);
    }

    @Test
    void textJobWritesTheTextStoreByteForByte() throws IOException {
        Path output = newOutput();
        Run run = job("text", "-v", "--archive", archive, "--output", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, byte[]> local = files(fixture.archive().resolve("text"));
        Map<String, byte[]> hadoop = files(output);
        assertThat(hadoop.keySet()).isEqualTo(local.keySet());
        // latest versions, and the changed article's earlier version in the history
        assertThat(local.keySet()).contains(fixture.keys().get("same") + ".txt", fixture.keys().get("fresh") + ".txt")
                .anyMatch(p -> p.startsWith(".history/" + fixture.keys().get("changed") + "/"));
        for (String path : local.keySet()) {
            assertThat(new String(hadoop.get(path), StandardCharsets.UTF_8)).as(path)
                    .isEqualTo(new String(local.get(path), StandardCharsets.UTF_8));
        }
        assertThat(run.err()).contains("wrote " + local.size() + " text files")
                .contains("linkshelf-hadoop:   files written: " + local.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "召回|多目标",                 // regex, Chinese, several articles
            "-F\u0000MMoE",               // fixed string
            "-i\u0000ｍｍｏｅ",             // ignore case and width
            "-C\u00001\u0000模型",         // context lines
            "--all-versions\u0000PLE|MMoE", // earlier versions too, newest first within an article
            "-c\u0000--all-versions\u0000的",
            "-l\u0000模型",
            "--author\u0000炼丹\u0000文章",
            "-w\u0000oCPC",                // the deleted article's last good copy still counts
    })
    void grepJobPrintsWhatLinkshelfGrepJsonPrints(String joined) throws IOException {
        List<String> options = List.of(joined.split("\u0000"));
        List<String> localArgs = new ArrayList<>(List.of("grep", "--json", "--archive", archive));
        localArgs.addAll(options);
        CliRun expected = CliRun.of(localArgs.toArray(String[]::new));
        assertThat(expected.exitCode()).as(expected.err()).isZero();
        assertThat(expected.out()).isNotEmpty();

        Path output = newOutput();
        List<String> jobArgs = new ArrayList<>(List.of("grep", "--archive", archive, "--output", output.toString()));
        jobArgs.addAll(options);
        Run run = job(jobArgs.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(output.resolve("part-r-00000"), StandardCharsets.UTF_8)).isEqualTo(expected.out());
    }

    @Test
    void blockedAndDeletedPagesAreNeverSearched() throws IOException {
        // The captcha page and the deletion notice were captured in snapshot 2; neither is an article version.
        Path output = newOutput();
        Run run = job("grep", "--all-versions", "--archive", archive, "--output", output.toString(), "验证|已被发布者删除|此内容因违规无法查看");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(Files.readString(output.resolve("part-r-00000"))).isEmpty();
        assertThat(run.err()).contains("0 matching lines");
    }

    @Test
    void badInputGetsOneLineAndExitTwo() {
        Run badRegex = job("grep", "--archive", archive, "--output", newOutput().toString(), "召回(");
        assertThat(badRegex.exitCode()).isEqualTo(2);
        assertThat(badRegex.err().strip()).startsWith("linkshelf-hadoop: bad regular expression at position 3").doesNotContain("\n");

        Run noArchive = job("text", "--archive", dir.resolve("nowhere").toString(), "--output", newOutput().toString());
        assertThat(noArchive.exitCode()).isEqualTo(2);
        assertThat(noArchive.err().strip()).contains("no WARC directory at").contains("nowhere").doesNotContain("\n");

        Run exists = job("text", "--archive", archive, "--output", dir.toString());
        assertThat(exists.exitCode()).isEqualTo(2);
        assertThat(exists.err().strip()).contains("exists already").doesNotContain("\n");

        Run noJob = job();
        assertThat(noJob.exitCode()).isEqualTo(2);
        assertThat(noJob.err()).contains("name a job: grep or text");
    }

    @Test
    void grepJobTakesEveryOptionLinkshelfGrepTakesThatMeansSomethingInAFile() {
        CommandLine local = Main.commandLine().getSubcommands().get("grep");
        CommandLine hadoop = new CommandLine(new GrepJobCommand(localRunner()));
        List<String> terminalOnly = List.of("--color", "--json", "--reindex");
        for (CommandLine.Model.OptionSpec option : local.getCommandSpec().options()) {
            if (terminalOnly.contains(option.longestName())) {
                continue;
            }
            assertThat(hadoop.getCommandSpec().findOption(option.longestName())).as(option.longestName()).isNotNull();
        }
    }

    static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
