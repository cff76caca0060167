#!/usr/bin/env python3
"""The derived views on a year of snapshots vs on one: does reading the archive scale with its history?

  bench/model_bench.py                      # 1,100 articles x 2 images, 52 weekly snapshots, 3 runs a command
  bench/model_bench.py --articles 300 --snapshots 10 --runs 1
  bench/model_bench.py --jar core/target/linkshelf.jar

What it does: generates a fixture site (bench/fixture_site.py), serves it on loopback (bench/serve.py) and
crawls it once with `linkshelf crawl` (delays 0) into archive ONE (one snapshot). Archive YEAR is a copy of ONE
plus N-1 more manifests, one a week after the crawled one: the crawled manifest rewritten with a new id, start
and end and every `ok` entry `unchanged` (its content the crawled response, as a cron run that found nothing
new writes it). Crawling 52 times would only add revisit records the views never read; the manifests are what
the views stream. Then, for each archive, R times alternating which archive goes first, each under
`java -Xmx256m -XX:+ExitOnOutOfMemoryError` and GNU time:

  mirror --rebuild   the whole site, text store and every snapshot's report from scratch
  mirror             an incremental update right after (nothing changed: what a cron run after a crawl costs)
  grep --json        a common term (召回, in most articles)
  report             the newest snapshot's report (Markdown to stdout, html/json written)

and prints the medians side by side with the ratio YEAR/ONE against the bound 1.5x. Exits 1 when a command
fails (an OutOfMemoryError included) or a ratio exceeds the bound. Output also goes to bench/out/model-<ts>.txt.
Standard library only; needs java, mvn (unless --jar) and GNU time.
"""

import argparse
import datetime
import json
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
import crawl_bench  # noqa: E402  (same directory: its server and timing helpers)

BOUND = 1.5
QUERY = "召回"
JAVA = ["java", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1100, help="articles in the archive (default 1100)")
    p.add_argument("--images", type=int, default=2, help="images per article (default 2)")
    p.add_argument("--snapshots", type=int, default=52, help="snapshots in the long archive (default 52)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each command on each archive (default 3)")
    p.add_argument("--jar", help="a built linkshelf.jar (default: build with mvn -DskipTests package)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--workdir", help="parent of the temporary work directory")
    args = p.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or args.snapshots < 2:
        p.error("need --articles >= 1, --runs >= 1 and --snapshots >= 2")
    return args


def build(say):
    say("building: mvn -B -q -o -DskipTests -pl core package")
    done = subprocess.run(["mvn", "-B", "-q", "-o", "-DskipTests", "-pl", "core", "package"], cwd=REPO,
                          capture_output=True, text=True)
    jar = os.path.join(REPO, "core", "target", "linkshelf.jar")
    if done.returncode != 0 or not os.path.isfile(jar):
        sys.exit("model_bench: the build failed:\n" + "\n".join((done.stdout + done.stderr).splitlines()[-20:]))
    return jar


def crawl_one(say, jar, work, args):
    site = os.path.join(work, "site")
    server, port = crawl_bench.start_server(os.path.join(work, "empty"))
    server.kill()
    server.wait()
    subprocess.run([sys.executable, os.path.join(HERE, "fixture_site.py"), "--out", site, "--port", str(port),
                    "--articles", str(args.articles), "--images", str(args.images)], check=True)
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), "--root", site, "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        if server.stdout.readline().split() != ["port", str(port)]:
            sys.exit("model_bench: the fixture server did not start on port %d" % port)
        archive = os.path.join(work, "one", "archive")
        say(f"crawling {args.articles} articles x {args.images} images into {archive} (delays 0)...")
        started = time.monotonic()
        done = subprocess.run([*JAVA, "-jar", jar, "crawl", "--seeds", os.path.join(site, "links.md"),
                               "--archive", archive, "--reports", os.path.join(work, "one", "reports"),
                               "--delay", "0", "--image-delay", "0", "--cooldown", "0", "--quiet",
                               "--allow-private-networks"], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit("model_bench: the crawl failed:\n" + (done.stdout + done.stderr)[-3000:])
        say(f"  crawled in {time.monotonic() - started:.0f} s")
        return archive
    finally:
        server.kill()
        server.wait()


def stamp(instant):
    return instant.strftime("%Y%m%dT%H%M%SZ")


def iso(instant):
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def make_year(say, one, work, snapshots):
    """A copy of archive ONE with snapshots-1 more weekly manifests made from its one crawled manifest."""
    year = os.path.join(work, "year", "archive")
    shutil.copytree(one, year)
    for derived in ("mirror", "text", os.path.join("index", "grep")):
        shutil.rmtree(os.path.join(year, derived), ignore_errors=True)
    manifests = sorted(f for f in os.listdir(os.path.join(one, "snapshots")) if f.endswith(".json"))
    if len(manifests) != 1:
        sys.exit(f"model_bench: expected one manifest in {one}, found {manifests}")
    with open(os.path.join(one, "snapshots", manifests[0]), encoding="utf-8") as f:
        crawled = json.load(f)
    first = datetime.datetime.strptime(manifests[0][:-5], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    size = 0
    for week in range(1, snapshots):
        start = first + datetime.timedelta(weeks=week)
        manifest = dict(crawled)
        manifest["id"] = stamp(start)
        manifest["start"] = iso(start)
        manifest["end"] = iso(start + datetime.timedelta(minutes=20))
        manifest["entries"] = [dict(e, outcome="unchanged") if e.get("outcome") == "ok" else e
                               for e in crawled["entries"]]
        path = os.path.join(year, "snapshots", stamp(start) + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False, indent=2)
        size = os.path.getsize(path)
    say(f"  archive YEAR: {snapshots} manifests of {size / 1e6:.1f} MB each")
    return year


def commands(jar, archive, reports):
    base = ["--archive", archive]
    return [
        ("mirror --rebuild", [*JAVA, "-jar", jar, "mirror", "--rebuild", "--reports", reports, *base]),
        ("mirror (update)", [*JAVA, "-jar", jar, "mirror", "--reports", reports, *base]),
        ("grep --json", [*JAVA, "-jar", jar, "grep", "--json", QUERY, *base]),
        ("report", [*JAVA, "-jar", jar, "report", "--reports", reports, *base]),
    ]


def main(argv):
    args = parse_args(argv)
    lines = []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    work = tempfile.mkdtemp(prefix="linkshelf-model-bench-", dir=args.workdir)
    failed = False
    try:
        jar = args.jar or build(say)
        copy = os.path.join(work, "linkshelf.jar")
        shutil.copy(jar, copy)  # a rebuild during the run cannot swap it
        one = crawl_one(say, copy, work, args)
        year = make_year(say, one, work, args.snapshots)
        archives = {"ONE": (one, os.path.join(work, "one", "reports")),
                    "YEAR": (year, os.path.join(work, "year", "reports"))}
        results = {}
        run_dir = os.path.join(work, "runs")
        os.makedirs(run_dir, exist_ok=True)
        for r in range(args.runs):
            order = ["ONE", "YEAR"] if r % 2 == 0 else ["YEAR", "ONE"]
            for name in order:
                archive, reports = archives[name]
                for label, cmd in commands(copy, archive, reports):
                    tag = f"{name}-{label.split()[0]}-{'rebuild' if 'rebuild' in label else 'run'}-{r}"
                    res = crawl_bench.run_timed(cmd, run_dir, tag.replace(" ", "_"), 3600, os.getpid())
                    if res["exit"] not in (0, 1) or res["timed_out"]:
                        failed = True
                        say(f"FAILED: {name} {label} exit {res['exit']}: {crawl_bench.tail(res['stderr'], 5)}")
                    results.setdefault((name, label), []).append(res)
        say("")
        say(f"{args.articles} articles x {args.images} images; ONE = 1 snapshot, YEAR = {args.snapshots} weekly"
            f" snapshots; -Xmx256m; medians of {args.runs} (wall s, peak RSS MB)")
        say(f"{'command':<18} {'ONE s':>7} {'YEAR s':>7} {'ratio':>6} {'bound':>6} {'ONE MB':>7} {'YEAR MB':>8}")
        for label, _ in commands(copy, one, ""):
            a = statistics.median(x["wall"] for x in results[("ONE", label)])
            b = statistics.median(x["wall"] for x in results[("YEAR", label)])
            ma = statistics.median(x["rss_kb"] or 0 for x in results[("ONE", label)]) / 1024
            mb = statistics.median(x["rss_kb"] or 0 for x in results[("YEAR", label)]) / 1024
            ratio = b / a if a > 0 else float("inf")
            ok = ratio <= BOUND
            failed |= not ok
            say(f"{label:<18} {a:>7.2f} {b:>7.2f} {ratio:>5.2f}x {BOUND:>5.1f}x {ma:>7.0f} {mb:>8.0f}"
                + ("" if ok else "  OVER"))
    finally:
        os.makedirs(os.path.join(HERE, "out"), exist_ok=True)
        out = os.path.join(HERE, "out", "model-" + time.strftime("%Y%m%d-%H%M%S") + ".txt")
        with open(out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
