package io.linkshelf.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import io.linkshelf.cli.CliRun;
import io.linkshelf.search.TextStore;
import io.linkshelf.testing.FixtureArchive;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.mapreduce.v2.MiniMRYarnCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs as a cluster runs them: the archive on HDFS (MiniDFSCluster), the jobs submitted to YARN
 * (MiniMRYarnCluster) by a separate JVM whose class path is Hadoop's jars and linkshelf-hadoop.jar and nothing
 * else, as {@code hadoop jar linkshelf-hadoop.jar} has it; the mini cluster hands that class path on to the job's
 * containers. The results must equal the local text store and {@code linkshelf grep --json}, byte for byte.
 */
class MiniClusterJobsIT {

    @TempDir
    static Path dir;
    static FixtureArchive fixture;
    static MiniDFSCluster dfs;
    static MiniMRYarnCluster yarn;
    static FileSystem hdfs;
    static Path clusterSite;
    /** The archive's path, the same on HDFS as on local disk, so grep's path fields agree. */
    static String archive;

    @BeforeAll
    static void startClusterAndCopyTheArchiveToHdfs() throws Exception {
        fixture = FixtureArchive.create(Files.createDirectories(dir.resolve("fixture")));
        TextStore.update(fixture.archive());
        archive = fixture.archive().toString();

        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs = dfs.getFileSystem();
        Configuration yarnConf = new Configuration(hdfs.getConf());
        yarnConf.set("fs.defaultFS", hdfs.getUri().toString());
        yarnConf.setInt("yarn.nodemanager.resource.memory-mb", 4096);
        yarnConf.setInt("yarn.scheduler.minimum-allocation-mb", 256);
        yarnConf.setInt("yarn.app.mapreduce.am.resource.mb", 512);
        String opens = System.getProperty("linkshelf.hadoop.opens", "");
        yarnConf.set("yarn.app.mapreduce.am.command-opts", "-Xmx384m " + opens);
        yarnConf.setInt("mapreduce.map.memory.mb", 512);
        yarnConf.setInt("mapreduce.reduce.memory.mb", 512);
        yarnConf.set("mapreduce.map.java.opts", "-Xmx384m " + opens);
        yarnConf.set("mapreduce.reduce.java.opts", "-Xmx384m " + opens);
        yarnConf.setBoolean("yarn.nodemanager.vmem-check-enabled", false);
        yarn = new MiniMRYarnCluster("linkshelf", 1);
        yarn.init(yarnConf);
        yarn.start();

        hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(fixture.archive().toUri()),
                new org.apache.hadoop.fs.Path(archive));
        clusterSite = dir.resolve("cluster-site.xml");
        Configuration site = new Configuration(yarn.getConfig());
        site.set("fs.defaultFS", hdfs.getUri().toString());
        try (OutputStream out = Files.newOutputStream(clusterSite)) {
            site.writeXml(out);
        }
    }

    @AfterAll
    static void stopCluster() {
        if (yarn != null) {
            yarn.stop();
        }
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    record Run(int exitCode, String output) {}

    /**
     * Class path entries that are linkshelf's or that its job jar bundles: left out of the client's class path,
     * so the job works only if linkshelf-hadoop.jar has all it needs. (Jackson stays: Hadoop itself needs it, and
     * a cluster has its own; the job jar carries a relocated copy, so it never meets the cluster's.)
     */
    private static final List<String> LINKSHELF_OWN = List.of("/target/classes", "/target/test-classes", "/io/linkshelf/",
            "/org/jsoup/", "/org/netpreserve/", "/com/martinkl/", "/info/picocli/", "/org/jspecify/",
            "/ch/qos/logback/", "/junit", "/org/assertj/", "/org/opentest4j/", "/org/apiguardian/", "/net/bytebuddy/");

    /** {@code hadoop jar linkshelf-hadoop.jar ARGS}, as a cluster's client runs it. */
    static Run hadoopJar(String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "linkshelf-hadoop.jar").toAbsolutePath();
        assertThat(jar).as("the shaded jar (mvn package builds it before the integration tests)").exists();
        // Hadoop's jars and their dependencies, as a cluster provides them; of linkshelf's, only the job jar.
        String hadoop = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> LINKSHELF_OWN.stream().noneMatch(p::contains))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(List.of(System.getProperty("linkshelf.hadoop.opens", "").split(" ")));
        command.addAll(List.of(
                "-cp", jar + File.pathSeparator + hadoop, "io.linkshelf.hadoop.LinkshelfHadoop", "-conf", clusterSite.toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "hadoop-jar-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("hadoop jar did not finish in 5 minutes:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    @Test
    void textJobOnYarnWritesTheTextStoreOnHdfs() throws Exception {
        Run run = hadoopJar("text", "--archive", archive, "--output", "/out/text");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).as("ran on YARN, not the local runner").contains("submitted job_").doesNotContain("job_local");
        Path copy = dir.resolve("text-from-hdfs");
        hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path("/out/text"), new org.apache.hadoop.fs.Path(copy.toUri()), true);
        Map<String, byte[]> local = HadoopJobsTest.files(fixture.archive().resolve("text"));
        Map<String, byte[]> onHdfs = HadoopJobsTest.files(copy);
        assertThat(onHdfs.keySet()).isEqualTo(local.keySet()).isNotEmpty();
        for (String path : local.keySet()) {
            assertThat(onHdfs.get(path)).as(path).isEqualTo(local.get(path));
        }
    }

    @Test
    void grepJobOnYarnPrintsWhatLinkshelfGrepJsonPrints() throws Exception {
        Run run = hadoopJar("grep", "--all-versions", "-C", "1", "--archive", archive, "--output", "/out/grep", "召回|MMoE|PLE");

        assertThat(run.exitCode()).as(run.output()).isZero();
        CliRun expected = CliRun.of("grep", "--json", "--all-versions", "-C", "1", "--archive", archive, "召回|MMoE|PLE");
        assertThat(expected.exitCode()).as(expected.toString()).isZero();
        byte[] result;
        try (var in = hdfs.open(new org.apache.hadoop.fs.Path("/out/grep/part-r-00000"))) {
            result = in.readAllBytes();
        }
        assertThat(new String(result, StandardCharsets.UTF_8)).isEqualTo(expected.out()).isNotEmpty();
    }
}
