#!/usr/bin/env python3
"""The Hadoop grep job on the local job runner vs `linkshelf grep`, on one synthetic archive.

  bench/hadoop_bench.py                      # 10,000 articles (crawled from a local fixture site), 3 runs a query
  bench/hadoop_bench.py --articles 2000 --runs 1
  bench/hadoop_bench.py --reuse DIR          # a work directory kept with --keep: skips the site and the crawl

What it does: generates a fixture site (bench/fixture_site.py, no images, the phrase 蒙特卡洛树搜索 in one
article in 500), serves it on loopback (bench/serve.py), crawls it with `linkshelf crawl` (delays 0) into a
real archive (WARC files, manifests, text store), then for each query times, alternating:
  local:  java <launcher opts> -jar core/target/linkshelf.jar grep --json --archive A PATTERN
  hadoop: java -cp linkshelf-hadoop.jar:<hadoop-client-api, -runtime> io.linkshelf.hadoop.LinkshelfHadoop
          -D mapreduce.framework.name=local -fs file:/// grep --archive A --output O PATTERN
and checks that the job's part-r-00000 equals the local output byte for byte. It also times the text job once.
The two do different work on purpose: linkshelf grep reads the text store (plain text, indexed), the job reads
the WARC files and extracts every article again, which is what lets it run where only the WARC files are.

Standard library only; needs java, mvn and GNU time. Output also goes to bench/out/hadoop-<timestamp>.txt.
"""

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import crawl_bench  # noqa: E402  (same directory: its server, timing and report helpers)

# The baseline archive: the first articles only, to tell the job's fixed cost from its cost per article.
BASELINE = 200

QUERIES = [
    ("rare literal", "蒙特卡洛树搜索"),
    ("common literal", "双塔模型"),
    ("regex", r"点击率预估(决定了|影响着)\S{2,4}的效果"),
]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=10000, help="articles in the archive (default 10000)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each tool per query (default 3)")
    p.add_argument("--keep", action="store_true", help="keep the work directory (site, archive, outputs)")
    p.add_argument("--reuse", metavar="DIR", help="a work directory kept with --keep: skip the site and the crawl")
    p.add_argument("--workdir", help="parent of the temporary work directory (default: the system temp dir)")
    args = p.parse_args(argv)
    if args.articles < 1 or args.runs < 1:
        p.error("need --articles >= 1 and --runs >= 1")
    return args


def launcher_opts():
    """The JVM options ./linkshelf runs with (its default_java_opts line), so the local side runs as users run it."""
    with open(os.path.join(REPO, "linkshelf"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("default_java_opts="):
                return line.split("=", 1)[1].strip().strip('"').split()
    return []


def build(say):
    say("building: mvn -B -q -DskipTests package (both modules)")
    done = subprocess.run(["mvn", "-B", "-q", "-DskipTests", "package"], cwd=REPO, capture_output=True, text=True)
    core = os.path.join(REPO, "core", "target", "linkshelf.jar")
    hadoop = os.path.join(REPO, "hadoop", "target", "linkshelf-hadoop.jar")
    if done.returncode != 0 or not os.path.isfile(core) or not os.path.isfile(hadoop):
        sys.exit("hadoop_bench: the build failed:\n" + "\n".join((done.stdout + done.stderr).splitlines()[-20:]))
    cp_file = os.path.join(REPO, "hadoop", "target", "hadoop-client.classpath")
    done = subprocess.run(["mvn", "-B", "-q", "-pl", "hadoop", "dependency:build-classpath", "-Dmdep.includeScope=provided",
                           f"-Dmdep.outputFile={cp_file}"], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("hadoop_bench: cannot list Hadoop's client jars:\n" + (done.stdout + done.stderr)[-2000:])
    with open(cp_file, encoding="utf-8") as f:
        return core, hadoop, f.read().strip()


def make_archive(say, work, articles):
    site = os.path.join(work, "site")
    # The fixture's URLs carry the port, so pick one first: the server binds the one the site was made for.
    server, port = crawl_bench.start_server(os.path.join(work, "empty"))
    server.kill()
    server.wait()
    subprocess.run([sys.executable, os.path.join(HERE, "fixture_site.py"), "--out", site, "--port", str(port),
                    "--articles", str(articles), "--images", "0", "--rare-every", "500"], check=True)
    server_log = open(os.path.join(work, "server.log"), "w", encoding="utf-8")
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), "--root", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=server_log, text=True)
    if server.stdout.readline().split() != ["port", str(port)]:
        server.kill()
        sys.exit("hadoop_bench: the fixture server did not start on port %d" % port)
    return site, server


def first_seeds(site, count):
    """A seed list of the site's first `count` articles (for the baseline archive)."""
    out, links = [], 0
    with open(os.path.join(site, "links.md"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("["):
                links += 1
                if links > count:
                    continue
            out.append(line)
    path = os.path.join(site, f"links-{count}.md")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(out)
    return path


def crawl(say, core, work, seeds, name):
    archive = os.path.join(work, name)
    say(f"crawling {seeds} into {archive} (delays 0)...")
    started = time.monotonic()
    done = subprocess.run(["java", *launcher_opts(), "-jar", core, "crawl", "--seeds", seeds,
                           "--archive", archive, "--reports", os.path.join(work, "reports-" + name), "--delay", "0",
                           "--image-delay", "0", "--cooldown", "0", "--quiet", "--allow-private-networks"],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit("hadoop_bench: the crawl failed:\n" + (done.stdout + done.stderr)[-3000:])
    say(f"  crawled in {time.monotonic() - started:.0f} s")
    return archive


def timed(cmd, work, name):
    run_dir = os.path.join(work, "runs")
    os.makedirs(run_dir, exist_ok=True)
    r = crawl_bench.run_timed(cmd, run_dir, name, 3600, os.getpid())
    if r["exit"] not in (0, 1):
        with open(r["stderr"], encoding="utf-8", errors="replace") as f:
            sys.exit(f"hadoop_bench: {name} failed (exit {r['exit']}):\n" + f.read()[-3000:])
    r["stdout"] = os.path.join(run_dir, f"{name}.stdout")
    return r


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main(argv):
    args = parse_args(argv)
    say = crawl_bench.Report()
    if not os.access(crawl_bench.GNU_TIME, os.X_OK):
        sys.exit("hadoop_bench: needs GNU time (apt-get install -y time)")
    core, hadoop_jar, client_cp = build(say)
    if args.reuse:
        work = os.path.abspath(args.reuse)
        archive = os.path.join(work, "archive")
        if not os.path.isdir(os.path.join(archive, "warc")):
            sys.exit(f"hadoop_bench: {archive} holds no WARC files; make one with --keep first")
    else:
        work = tempfile.mkdtemp(prefix="linkshelf-hadoop-bench-", dir=args.workdir)
        os.makedirs(os.path.join(work, "empty"))
    # Run copies: a rebuild of the working tree during a long run would otherwise swap the jars under it.
    os.makedirs(os.path.join(work, "jars"), exist_ok=True)
    core = shutil.copy(core, os.path.join(work, "jars", "linkshelf.jar"))
    hadoop_jar = shutil.copy(hadoop_jar, os.path.join(work, "jars", "linkshelf-hadoop.jar"))
    if not args.reuse:
        site, server = make_archive(say, work, args.articles)
        try:
            archive = crawl(say, core, work, os.path.join(site, "links.md"), "archive")
            crawl(say, core, work, first_seeds(site, BASELINE), "baseline")
        finally:
            server.kill()
            server.wait()
    local_cmd = ["java", *launcher_opts(), "-jar", core, "grep", "--json", "--archive", archive]
    job_cmd = ["java", "-Xmx1g", "-cp", hadoop_jar + os.pathsep + client_cp, "io.linkshelf.hadoop.LinkshelfHadoop",
               "-D", "mapreduce.framework.name=local", "-D", f"hadoop.tmp.dir={os.path.join(work, 'hadoop-tmp')}",
               "-fs", "file:///"]
    articles = len([f for f in os.listdir(os.path.join(archive, "text")) if f.endswith(".txt")])
    warc_bytes = du(os.path.join(archive, "warc"))
    text_bytes = du(os.path.join(archive, "text"))
    say("")
    say(f"archive: {articles} articles, WARC {warc_bytes / 1e6:.0f} MB in {len(os.listdir(os.path.join(archive, 'warc')))} "
        f"file(s), text store {text_bytes / 1e6:.0f} MB; {os.cpu_count()} cores; runs {args.runs}")
    say(f"local:  java {' '.join(launcher_opts())} -jar linkshelf.jar grep --json --archive A PATTERN")
    say("hadoop: java -Xmx1g -cp linkshelf-hadoop.jar:<hadoop-client> ... -D mapreduce.framework.name=local "
        "grep --archive A --output O PATTERN")
    say("")
    say("| query | pattern | lines | linkshelf grep s | grep job (local runner) s | job / grep | job CPU s | output equal |")
    say("|---|---|---|---|---|---|---|---|")
    rows = []
    for kind, pattern in QUERIES:
        local_runs, job_runs, equal = [], [], True
        lines = 0
        for i in range(args.runs):
            loc = timed([*local_cmd, pattern], work, f"local-{len(rows)}-{i}")
            out_dir = os.path.join(work, "job-out", f"{len(rows)}-{i}")
            shutil.rmtree(out_dir, ignore_errors=True)
            job = timed([*job_cmd, "grep", "--archive", archive, "--output", out_dir, pattern], work, f"job-{len(rows)}-{i}")
            local_runs.append(loc)
            job_runs.append(job)
            equal = equal and filecmp.cmp(loc["stdout"], os.path.join(out_dir, "part-r-00000"), shallow=False)
            with open(loc["stdout"], "rb") as f:
                lines = sum(1 for _ in f)
        l_wall = statistics.median(r["wall"] for r in local_runs)
        j_wall = statistics.median(r["wall"] for r in job_runs)
        j_cpu = statistics.median(r["cpu"] for r in job_runs)
        rows.append((kind, l_wall, j_wall, j_cpu))
        say(f"| {kind} | `{pattern}` | {lines:,} | {l_wall:.2f} | {j_wall:.2f} | {j_wall / l_wall:.1f}x | {j_cpu:.1f} | "
            f"{'yes' if equal else 'NO'} |")
    text_out = os.path.join(work, "job-out", "text")
    shutil.rmtree(text_out, ignore_errors=True)
    text = timed([*job_cmd, "text", "--archive", archive, "--output", text_out], work, "job-text")
    say("")
    say(f"text job (local runner): {text['wall']:.1f} s wall, {text['cpu']:.1f} s CPU for {articles} articles")
    say("")
    # Crossover: the job's time is a fixed part (JVM, Hadoop's job set-up) plus a per-article part that spreads
    # over map slots (one WARC file a slot); linkshelf grep's is nearly all per-article reading of plain text.
    # The baseline archive (the first BASELINE articles) gives the fixed part.
    baseline = os.path.join(work, "baseline")
    pattern = QUERIES[1][1]
    base_out = os.path.join(work, "job-out", "baseline")
    shutil.rmtree(base_out, ignore_errors=True)
    base_job = timed([*job_cmd, "grep", "--archive", baseline, "--output", base_out, pattern], work, "job-baseline")
    base_local = timed(["java", *launcher_opts(), "-jar", core, "grep", "--json", "--archive", baseline, pattern], work,
                       "local-baseline")
    kind, l_wall, j_wall, j_cpu = rows[1]
    per_job = (j_cpu - base_job["cpu"]) / (articles - BASELINE)
    per_local = (l_wall - base_local["wall"]) / (articles - BASELINE)
    say(f"per article, from the common literal at {BASELINE} and {articles} articles: the job {per_job * 1e3:.2f} CPU ms "
        f"(read WARC, extract, search; fixed part {base_job['cpu']:.1f} CPU s), linkshelf grep {per_local * 1e3:.3f} wall ms "
        f"(fixed part {base_local['wall']:.2f} s).")
    if per_local > 0:
        say(f"crossover: the job needs its work spread over more than ~{per_job / per_local:.0f} map slots running at once "
            f"(that many WARC files of <= 1 GB, and free slots), and an archive big enough that the cluster's job start-up "
            f"(tens of seconds on YARN) is small beside the time saved.")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out_dir = os.path.join(HERE, "out")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, f"hadoop-{stamp}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(say.lines) + "\n")
    if args.keep or args.reuse:
        say(f"kept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
