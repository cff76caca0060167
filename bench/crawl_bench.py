#!/usr/bin/env python3
"""Crawl benchmark: linkshelf against `wget --warc-file -p` on the same local fixture site, in the same run.

Builds linkshelf once, generates a fixture site of N WeChat-shaped articles with M images each, serves it
on 127.0.0.1, then runs each tool R times (alternating which goes first) under /usr/bin/time -v and reports
medians of wall time, pages/s, CPU seconds per page and peak RSS, with linkshelf/wget ratios. Every run
starts from an empty archive, and both tools' WARC files are counted afterwards, so a tool that skipped
images cannot look fast. See bench/README.md.

  bench/crawl_bench.py                                   # 200 articles x 8 images, 3 runs each
  bench/crawl_bench.py --articles 1100 --runs 1          # the memory check: does -Xmx256m hold?

Only the standard library is used; needs java, mvn, wget and GNU time (installed with apt-get if missing).
"""

import argparse
import datetime
import glob
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import warc_stats  # noqa: E402  (a sibling script)

REPO = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"
TOOLS = ("linkshelf", "wget")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=200, help="articles in the fixture site (default 200)")
    p.add_argument("--images", type=int, default=8, help="images per article (default 8)")
    p.add_argument("--runs", type=int, default=3, help="runs of each tool (default 3)")
    p.add_argument("--keep", action="store_true", help="keep the work directory (site, archives, logs)")
    p.add_argument("--xmx", default="256m", help="linkshelf's heap cap, passed as -Xmx (default 256m)")
    p.add_argument("--jar", help="use this linkshelf jar instead of building core/target/linkshelf.jar")
    p.add_argument("--timeout", type=int,
                   help="seconds before one tool run is killed (default 300 plus 1 per article)")
    p.add_argument("--tools", default="linkshelf,wget", help="which tools to run (default linkshelf,wget)")
    p.add_argument("--workdir", help="parent of the temporary work directory (default: the system temp dir)")
    args = p.parse_args(argv)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if args.timeout is None:
        args.timeout = 300 + args.articles
    if args.articles < 1 or args.images < 0 or args.runs < 1 or args.timeout < 1:
        p.error("need --articles >= 1, --images >= 0, --runs >= 1, --timeout >= 1")
    if not args.tools or any(t not in TOOLS for t in args.tools):
        p.error(f"--tools takes a comma-separated subset of {','.join(TOOLS)}")
    return args


class Report:
    """Collects output lines, printing each as it comes, so the file matches what the user saw."""

    def __init__(self):
        self.lines = []

    def __call__(self, line=""):
        print(line, flush=True)
        self.lines.append(line)


def ensure_tools(say):
    missing = [pkg for pkg, present in (("wget", shutil.which("wget")), ("time", os.access(GNU_TIME, os.X_OK)))
               if not present]
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(f"crawl_bench: missing {', '.join(missing)}; install them (apt-get install -y {' '.join(missing)})")
    say(f"installing {' '.join(missing)} with apt-get")
    subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, stdout=subprocess.DEVNULL)


def build_jar(say):
    """Builds core/target/linkshelf.jar; returns its path, or None when the build fails."""
    jar = os.path.join(REPO, "core", "target", "linkshelf.jar")
    say("building linkshelf: mvn -B -q -DskipTests package")
    done = subprocess.run(["mvn", "-B", "-q", "-DskipTests", "-pl", "core", "-am", "package"], cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0 or not os.path.isfile(jar):
        say(f"  build FAILED (exit {done.returncode}); linkshelf runs are skipped. Last lines:")
        for line in (done.stdout + done.stderr).splitlines()[-20:]:
            say(f"    {line}")
        return None
    return jar


def first_line(cmd):
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return "unavailable"
    lines = (done.stdout + done.stderr).strip().splitlines()
    return lines[0] if lines else "unknown"


def start_server(site):
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), "--root", site, "--port", "0"],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline().split()
    if len(line) != 2 or line[0] != "port":
        server.kill()
        sys.exit("crawl_bench: the fixture server did not start")
    return server, int(line[1])


def cpu_seconds(pid):
    """User+system CPU seconds a process has used so far (Linux /proc), or 0 when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def parse_gnu_time(path):
    """Wall s, user+sys CPU s and max RSS KB from /usr/bin/time -v output; missing figures are None."""
    figures = {"wall": None, "cpu": None, "rss_kb": None}
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except OSError:
        return figures
    user = system = None
    for line in text.splitlines():
        name, _, value = line.strip().rpartition(": ")
        if name == "User time (seconds)":
            user = float(value)
        elif name == "System time (seconds)":
            system = float(value)
        elif name == "Maximum resident set size (kbytes)":
            figures["rss_kb"] = int(value)
        elif name.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):
                seconds = seconds * 60 + float(part)
            figures["wall"] = seconds
    if user is not None and system is not None:
        figures["cpu"] = user + system
    return figures


def run_timed(cmd, run_dir, name, timeout, server_pid):
    """Runs cmd under /usr/bin/time -v with its output in run_dir; returns exit code and figures."""
    time_file = os.path.join(run_dir, f"{name}.time")
    out_path = os.path.join(run_dir, f"{name}.stdout")
    err_path = os.path.join(run_dir, f"{name}.stderr")
    server_before = cpu_seconds(server_pid)
    started = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen([GNU_TIME, "-v", "-o", time_file, *cmd], cwd=run_dir, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = False
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)  # the group of the process this function started
            code = proc.wait()
        except BaseException:
            # Its own session shields it from the terminal's Ctrl-C, so stop it here before giving up.
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            raise
    elapsed = time.monotonic() - started
    figures = parse_gnu_time(time_file)
    if figures["wall"] is None:
        figures["wall"] = elapsed
    figures.update(exit=code, timed_out=timed_out, stderr=err_path, server_cpu=cpu_seconds(server_pid) - server_before)
    return figures


def linkshelf_manifest(archive):
    """Outcome counts from the snapshot manifests of a fresh archive."""
    facts = {"manifests": 0, "entries": 0, "ok": 0, "images_ok": 0, "complete": None, "errors": []}
    for path in sorted(glob.glob(os.path.join(archive, "snapshots", "*.json"))):
        try:
            with open(path, encoding="utf-8") as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            facts["errors"].append(f"{path}: {e}")
            continue
        facts["manifests"] += 1
        facts["complete"] = manifest.get("complete")
        for entry in manifest.get("entries", []):
            facts["entries"] += 1
            facts["ok"] += entry.get("outcome") == "ok"
            facts["images_ok"] += sum(1 for image in entry.get("images", []) if image.get("outcome") == "ok")
    return facts


def tail(path, lines=20):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read().splitlines()[-lines:]
    except OSError:
        return []


def run_linkshelf(jar, args, site, run_dir, server_pid):
    archive = os.path.join(run_dir, "archive")
    cmd = ["java", f"-Xmx{args.xmx}", "-XX:+ExitOnOutOfMemoryError", "-jar", jar, "crawl",
           "--seeds", os.path.join(site, "links.md"), "--archive", archive,
           "--reports", os.path.join(run_dir, "reports"), "--delay", "0", "--image-delay", "0", "--cooldown", "0",
           "--quiet", "--allow-private-networks"]
    result = run_timed(cmd, run_dir, "linkshelf", args.timeout, server_pid)
    result["warc"] = warc_stats.stats([os.path.join(archive, "warc")])
    result["manifest"] = linkshelf_manifest(archive)
    result["oom"] = any("OutOfMemoryError" in line for line in tail(result["stderr"], 10_000))
    return result


def run_wget(args, site, run_dir, server_pid):
    out = os.path.join(run_dir, "wget-out")
    # -p fetches each listed page plus what its src attributes name; --no-config keeps ~/.wgetrc out of it.
    cmd = ["wget", "--no-config", "-q", "-p", "-i", os.path.join(site, "urls.txt"),
           f"--warc-file={os.path.join(run_dir, 'wget')}", "-e", "robots=off", "--directory-prefix", out]
    result = run_timed(cmd, run_dir, "wget", args.timeout, server_pid)
    result["warc"] = warc_stats.stats(glob.glob(os.path.join(run_dir, "wget*.warc.gz")))
    result["files"] = sum(len(files) for _, _, files in os.walk(out))
    return result


def derive(result):
    """pages/s and CPU s/page, counting the article pages the tool's own WARC holds with status 200."""
    pages = result["warc"]["ok"].get("article", 0)
    result["pages"] = pages
    result["images"] = result["warc"]["ok"].get("image", 0)
    result["pages_per_s"] = pages / result["wall"] if pages and result["wall"] else None
    result["cpu_per_page"] = result["cpu"] / pages if pages and result["cpu"] is not None else None
    result["rss_mb"] = result["rss_kb"] / 1024 if result["rss_kb"] is not None else None


def complete(result, args):
    """Whether a run exited 0 and its WARC holds every article and every image."""
    return (result["exit"] == 0 and not result["timed_out"] and result["pages"] == args.articles
            and result["images"] == args.articles * args.images)


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


def median_of(results, key):
    values = [r[key] for r in results if r[key] is not None]
    return statistics.median(values) if values else None


def per_run_line(tool, index, r):
    code = f"exit {r['exit']}" + (" (timed out)" if r["timed_out"] else "")
    return (f"  {tool:<9} run {index}: {code:<8} wall {fmt(r['wall'])} s  CPU {fmt(r['cpu'])} s  "
            f"RSS {fmt(r['rss_mb'], 1)} MB  pages {r['pages']}  images {r['images']}  "
            f"pages/s {fmt(r['pages_per_s'], 1)}  CPU s/page {fmt(r['cpu_per_page'], 4)}  "
            f"server CPU {fmt(r['server_cpu'])} s")


def summarise(say, args, results):
    say()
    say(f"Results (medians over complete runs; a run is complete when it exits 0 and its WARC holds all "
        f"{args.articles} pages and {args.articles * args.images} images)")
    header = f"{'tool':<10} {'runs':>4} {'complete':>8} {'wall s':>8} {'pages/s':>8} {'CPU s/page':>11} {'peak RSS MB':>12}"
    say(header)
    say("-" * len(header))
    medians = {}
    for tool in args.tools:
        good = [r for r in results[tool] if complete(r, args)]
        m = {key: median_of(good, key) for key in ("wall", "pages_per_s", "cpu_per_page", "rss_mb")}
        medians[tool] = m
        say(f"{tool:<10} {len(results[tool]):>4} {len(good):>8} {fmt(m['wall']):>8} {fmt(m['pages_per_s'], 1):>8} "
            f"{fmt(m['cpu_per_page'], 4):>11} {fmt(m['rss_mb'], 1):>12}")
    if set(TOOLS) <= set(args.tools):
        ratios = []
        for key, label in (("wall", "wall"), ("pages_per_s", "pages/s"), ("cpu_per_page", "CPU s/page"),
                           ("rss_mb", "peak RSS")):
            a, b = medians["linkshelf"][key], medians["wget"][key]
            ratios.append(f"{label} {fmt(a / b) + 'x' if a is not None and b else 'n/a'}")
        say("ratio linkshelf/wget: " + "  ".join(ratios))
        say("  (pages/s above 1x means linkshelf is faster; wall, CPU s/page and RSS above 1x mean it costs more)")


def sanity(say, args, results):
    say()
    say("Sanity checks")
    n, images = args.articles, args.articles * args.images
    for tool in args.tools:
        for i, r in enumerate(results[tool], 1):
            w = r["warc"]
            line = (f"  {tool} run {i}: WARC files {w['files']}, article responses {w['ok'].get('article', 0)}/{n}, "
                    f"image responses {w['ok'].get('image', 0)}/{images}")
            if w["not_ok"]:
                line += f", non-200 {w['not_ok']}"
            if tool == "linkshelf":
                m = r["manifest"]
                line += (f"; manifest: {m['ok']}/{n} articles ok, {m['images_ok']}/{images} images ok, "
                         f"complete {m['complete']}")
                for error in m["errors"]:
                    say(f"    manifest error: {error}")
            else:
                line += f"; files saved {r['files']}"
            say(line)
            for error in w["errors"]:
                say(f"    WARC error: {error}")


def memory_check(say, args, results):
    runs = results.get("linkshelf", [])
    if not runs:
        return
    held = [r for r in runs if complete(r, args) and not r["oom"]]
    peak = max((r["rss_mb"] for r in runs if r["rss_mb"] is not None), default=None)
    verdict = "HELD" if len(held) == len(runs) else "DID NOT HOLD"
    say()
    say(f"Memory check: linkshelf crawl of {args.articles} articles x {args.images} images under -Xmx{args.xmx}: "
        f"{verdict} ({len(held)}/{len(runs)} runs exited 0 with every page and image; exit codes "
        f"{[r['exit'] for r in runs]}; OutOfMemoryError {'seen' if any(r['oom'] for r in runs) else 'not seen'}; "
        f"max peak RSS {fmt(peak, 1)} MB)")


def main(argv):
    args = parse_args(argv)
    say = Report()
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    say(f"linkshelf crawl benchmark {stamp}: {args.articles} articles x {args.images} images, {args.runs} runs, "
        f"tools {','.join(args.tools)}")
    say(f"machine: {platform.node()} {os.cpu_count()} CPUs, load average at start {os.getloadavg()}")
    if "wget" in args.tools:
        ensure_tools(say)
    elif not os.access(GNU_TIME, os.X_OK):
        ensure_tools(say)
    jar = None
    if "linkshelf" in args.tools:
        jar = os.path.abspath(args.jar) if args.jar else build_jar(say)
        say(f"java: {first_line(['java', '-version'])}; jar: {jar}")
    if "wget" in args.tools:
        say(f"wget: {first_line(['wget', '--version'])}")

    work = tempfile.mkdtemp(prefix="linkshelf-bench-", dir=args.workdir)
    site = os.path.join(work, "site")
    os.makedirs(site)
    server, port = start_server(site)
    results = {tool: [] for tool in args.tools}
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "fixture_site.py"), "--out", site, "--port", str(port),
                        "--articles", str(args.articles), "--images", str(args.images)], check=True,
                       stdout=subprocess.DEVNULL)
        with open(os.path.join(site, "site.json"), encoding="utf-8") as f:
            info = json.load(f)
        say(f"fixture: http://127.0.0.1:{port}/ in {site}: pages {info['page_bytes'] / 1e6:.1f} MB, "
            f"images {info['image_bytes'] / 1e6:.1f} MB")
        say()
        say("Runs")
        for index in range(1, args.runs + 1):
            # Alternate the order so neither tool always meets the warmer (or busier) machine.
            order = args.tools if index % 2 else list(reversed(args.tools))
            for tool in order:
                run_dir = os.path.join(work, f"run{index}-{tool}")
                os.makedirs(run_dir)
                if tool == "linkshelf":
                    if jar is None:
                        continue
                    r = run_linkshelf(jar, args, site, run_dir, server.pid)
                else:
                    r = run_wget(args, site, run_dir, server.pid)
                derive(r)
                results[tool].append(r)
                say(per_run_line(tool, index, r))
                if r["exit"] != 0 or r["timed_out"]:
                    say(f"    {tool} exited {r['exit']}{' after the timeout' if r['timed_out'] else ''}; "
                        f"last lines of its stderr:")
                    for line in tail(r["stderr"]):
                        say(f"      {line}")
                if not args.keep:
                    shutil.rmtree(run_dir, ignore_errors=True)
        summarise(say, args, results)
        sanity(say, args, results)
        memory_check(say, args, results)
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
    out_file = os.path.join(out_dir, f"crawl-{stamp}.txt")
    with open(out_file, "w", encoding="utf-8") as f:
        f.write("\n".join(say.lines) + "\n")
    print(f"written: {out_file}")
    # Non-zero when a tool never completed a run, so a wrapper (or CI) notices without reading the table.
    return 0 if all(any(complete(r, args) for r in results[t]) for t in args.tools) else 1


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("crawl_bench: interrupted; no results written", file=sys.stderr)
        sys.exit(130)
