#!/usr/bin/env python3
"""Export benchmark: `linkshelf export` (EPUB and Markdown) on a real crawled archive, against its targets
and against `linkshelf mirror` (the same body rendering into a site) on the same archive, in the same run.

Builds linkshelf once, generates the fixture site (bench/fixture_site.py: N WeChat-shaped articles with M
images each, spread over 8 authors), crawls it once with linkshelf (delays 0) into a fresh archive, then
times under /usr/bin/time -v, each with its own heap cap (-Xmx, default 256m):

  epub       linkshelf export --format epub     one book per author, every article and image, from scratch
  epub again the same again, nothing changed    (must write nothing)
  md         linkshelf export --format md       one note per article, images copied beside it, from scratch
  md again   the same again, nothing changed
  mirror     linkshelf mirror (reference)       the same rendering into the offline site, from scratch

and prints wall time, CPU, peak RSS, the output's size and file count, and each figure beside its target
(EPUB < 60 s, Markdown < 30 s, both within -Xmx256m) and beside the mirror's.

  bench/export_bench.py                            # 1,100 articles x 8 images, 1 run of each
  bench/export_bench.py --articles 200 --runs 3    # quicker, medians of 3

Only the standard library; needs java, mvn and GNU time (see crawl_bench.py).
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import crawl_bench  # noqa: E402  (a sibling script: jar build, fixture server, timed runs)

TARGETS = {"epub": 60.0, "md": 30.0}


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1100, help="articles in the fixture site (default 1100)")
    p.add_argument("--images", type=int, default=8, help="images per article (default 8)")
    p.add_argument("--runs", type=int, default=1, help="runs of each step (default 1)")
    p.add_argument("--xmx", default="256m", help="heap cap of every timed run (default 256m)")
    p.add_argument("--crawl-xmx", default="512m", help="heap cap of the one crawl that makes the archive (default 512m)")
    p.add_argument("--jar", help="use this linkshelf jar instead of building core/target/linkshelf.jar")
    p.add_argument("--timeout", type=int, default=1800, help="seconds before a run is killed (default 1800)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--workdir", help="parent of the temporary work directory (default: the system temp dir)")
    return p.parse_args(argv)


def tree(path):
    files = 0
    size = 0
    for root, _, names in os.walk(path):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(root, name))
    return files, size


def mtimes(path):
    out = {}
    for root, _, names in os.walk(path):
        for name in names:
            p = os.path.join(root, name)
            st = os.stat(p)
            out[p] = (st.st_ino, st.st_mtime_ns)
    return out


def epub_contents(path):
    """Chapters and images over every book, read back from the zips."""
    chapters = images = 0
    for name in os.listdir(path):
        if name.endswith(".epub"):
            with zipfile.ZipFile(os.path.join(path, name)) as z:
                for entry in z.namelist():
                    chapters += entry.startswith("OEBPS/text/")
                    images += entry.startswith("OEBPS/images/")
    return chapters, images


def timed(jar, args, work, name, command):
    run_dir = os.path.join(work, "runs", name)
    os.makedirs(run_dir, exist_ok=True)
    cmd = ["java", f"-Xmx{args.xmx}", "-XX:+ExitOnOutOfMemoryError", "-jar", jar, *command]
    return crawl_bench.run_timed(cmd, run_dir, name, args.timeout, os.getpid())


def line(say, name, r, extra=""):
    rss = r["rss_kb"] / 1024 if r["rss_kb"] else float("nan")
    cpu = r["cpu"] if r["cpu"] is not None else float("nan")
    say(f"  {name:<11} exit {r['exit']}  wall {r['wall']:7.1f} s  cpu {cpu:7.1f} s  peak RSS {rss:6.0f} MB{extra}")
    if r["exit"] != 0:
        for text in crawl_bench.tail(r["stderr"]):
            say(f"      {text}")


def main(argv):
    args = parse_args(argv)
    say = crawl_bench.Report()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    say(f"linkshelf export benchmark {stamp}: {args.articles} articles x {args.images} images, {args.runs} run(s), "
        f"-Xmx{args.xmx}")
    say(f"machine: {platform.node()} {os.cpu_count()} CPUs, load average at start {os.getloadavg()}")
    if not os.access(crawl_bench.GNU_TIME, os.X_OK):
        crawl_bench.ensure_tools(say)
    jar = os.path.abspath(args.jar) if args.jar else crawl_bench.build_jar(say)
    if jar is None:
        return 1
    say(f"java: {crawl_bench.first_line(['java', '-version'])}; jar: {jar}")

    work = tempfile.mkdtemp(prefix="linkshelf-export-bench-", dir=args.workdir)
    site = os.path.join(work, "site")
    archive = os.path.join(work, "archive")
    os.makedirs(site)
    server, port = crawl_bench.start_server(site)
    ok = True
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "fixture_site.py"), "--out", site, "--port", str(port),
                        "--articles", str(args.articles), "--images", str(args.images)], check=True,
                       stdout=subprocess.DEVNULL)
        crawl = ["java", f"-Xmx{args.crawl_xmx}", "-jar", jar, "crawl", "--seeds", os.path.join(site, "links.md"),
                 "--archive", archive, "--reports", os.path.join(work, "reports"), "--delay", "0", "--image-delay", "0",
                 "--cooldown", "0", "--quiet", "--allow-private-networks"]
        os.makedirs(os.path.join(work, "runs", "crawl"))
        r = crawl_bench.run_timed(crawl, os.path.join(work, "runs", "crawl"), "crawl", args.timeout, server.pid)
        manifest = crawl_bench.linkshelf_manifest(archive)
        say(f"archive: crawled in {r['wall']:.0f} s (exit {r['exit']}): {manifest['ok']} pages ok, "
            f"{manifest['images_ok']} images ok")
        server.terminate()
        say()
        results = {k: [] for k in ("epub", "epub again", "md", "md again", "mirror")}
        for index in range(1, args.runs + 1):
            say(f"Run {index}")
            exports = os.path.join(work, f"exports{index}")
            r = timed(jar, args, work, f"epub{index}", ["export", "--archive", archive, "--out", exports, "--quiet"])
            files, size = tree(os.path.join(exports, "epub"))
            chapters, images = epub_contents(os.path.join(exports, "epub"))
            line(say, "epub", r, f"  {files - 1} books, {size / 1e6:.0f} MB, {chapters} chapters, {images} images")
            results["epub"].append(r)
            before = mtimes(os.path.join(exports, "epub"))
            r = timed(jar, args, work, f"epub-again{index}", ["export", "--archive", archive, "--out", exports, "--quiet"])
            same = mtimes(os.path.join(exports, "epub")) == before
            line(say, "epub again", r, f"  files untouched: {'yes' if same else 'NO'}")
            ok &= same
            results["epub again"].append(r)
            r = timed(jar, args, work, f"md{index}", ["export", "--format", "md", "--archive", archive, "--out", exports, "--quiet"])
            files, size = tree(os.path.join(exports, "md"))
            line(say, "md", r, f"  {files} files, {size / 1e6:.0f} MB")
            results["md"].append(r)
            before = mtimes(os.path.join(exports, "md"))
            r = timed(jar, args, work, f"md-again{index}", ["export", "--format", "md", "--archive", archive, "--out", exports, "--quiet"])
            same = mtimes(os.path.join(exports, "md")) == before
            line(say, "md again", r, f"  files untouched: {'yes' if same else 'NO'}")
            ok &= same
            results["md again"].append(r)
            r = timed(jar, args, work, f"mirror{index}", ["mirror", "--archive", archive, "--out", os.path.join(work, f"mirror{index}")])
            line(say, "mirror", r)
            results["mirror"].append(r)
            shutil.rmtree(exports, ignore_errors=True)
            shutil.rmtree(os.path.join(work, f"mirror{index}"), ignore_errors=True)

        say()
        say(f"Medians (every run with -Xmx{args.xmx})        wall s   target      peak RSS MB   wall / mirror's")
        mirror_wall = statistics.median(r["wall"] for r in results["mirror"])
        for name, runs in results.items():
            wall = statistics.median(r["wall"] for r in runs)
            rss = statistics.median((r["rss_kb"] or 0) / 1024 for r in runs)
            target = TARGETS.get(name)
            verdict = "" if target is None else (f"< {target:.0f} s {'ok' if wall < target else 'MISSED'}")
            failed = any(r["exit"] != 0 for r in runs)
            ok &= not failed and (target is None or wall < target)
            say(f"  {name:<40} {wall:7.1f}   {verdict:<11} {rss:8.0f}      {wall / mirror_wall:5.2f}x"
                f"{'  (a run FAILED)' if failed else ''}")
        say()
        say(f"load average at end {os.getloadavg()}")
        if args.keep:
            say(f"kept: {work}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    out_dir = os.path.join(HERE, "out")
    os.makedirs(out_dir, exist_ok=True)
    out_file = os.path.join(out_dir, f"export-{stamp}.txt")
    with open(out_file, "w", encoding="utf-8") as f:
        f.write("\n".join(say.lines) + "\n")
    print(f"written: {out_file}")
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("export_bench: interrupted; no results written", file=sys.stderr)
        sys.exit(130)
