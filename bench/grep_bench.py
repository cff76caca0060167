#!/usr/bin/env python3
"""Grep benchmark: `linkshelf grep` against `rg` on the same synthetic text store, in the same run.

Writes a text store of N synthetic articles (Chinese with English terms, ~20 KB of UTF-8 each, so
100,000 articles are ~2 GB) directly in linkshelf's text-store format, builds linkshelf's grep index
with `linkshelf grep --reindex` (the code TextStore.update runs after a crawl), then times queries of
several kinds, alternating linkshelf and `rg -n PATTERN archive/text`, each under /usr/bin/time -v
(wall time, peak RSS). Both tools' output is read through a pipe (rg stops at the first match per
file when its stdout is /dev/null, so that would not be a fair race). Before timing, the number of
matching lines each tool reports (`-c`) is compared. The text is the same for a given --seed.

  bench/grep_bench.py --articles 20000            # ~400 MB of text
  bench/grep_bench.py                             # 100,000 articles, ~2 GB (see bench/README.md for run times)
  bench/grep_bench.py --articles 1100 --runs 5    # the real archive's size: is a query well under a second?

Standard library only; needs java, mvn, rg and GNU time (apt-get install ripgrep time, done here when run as root).
"""

import argparse
import datetime
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
GNU_TIME = "/usr/bin/time"

# (name, kind, pattern): a rare literal (index decides), a common literal, a regex with a literal, a regex without.
QUERIES = [
    ("rare literal", "蒙特卡洛树搜索"),
    ("rare literal (latin)", "HyperLogLogRanker"),
    ("common literal", "推荐系统"),
    ("regex with literal", r"AUC 提升了 \d+\.\d+%"),
    ("regex, no literal", r"\d{4}年\d{1,2}月"),
]

DOMAIN = ("推荐系统 召回 粗排 精排 重排 排序 模型 特征 用户 物品 向量 检索 训练 样本 损失 函数 梯度 广告 点击率 转化率 预估 "
          "双塔 多目标 专家网络 注意力 序列 兴趣 冷启动 曝光 负采样 蒸馏 量化 索引 在线学习 离线评估 实验 流量 出价 "
          "多样性 新颖性 embedding 特征交叉 深度网络 知识图谱 图神经网络 强化学习 对比学习 预训练 大模型 语义 相关性").split()
FUNCTION = "的 了 在 是 我们 这个 可以 通过 进行 一个 就是 因为 所以 但是 如果 还是 需要 已经 其实 比较 主要 对于 以及 之后 同时".split()
LATIN = "DeepFM MMoE PLE DIN DIEN SIM YouTubeDNN Wide&Deep GBDT LR FM FFM xDeepFM DCN AutoInt Transformer BERT GPU CPU QPS A/B".split()
PUNCT = ["，", "，", "，", "、", "；", "："]
AUTHORS = ["石塔西", "王喆", "炼丹笔记", "DataFunTalk", "小小挖掘机", "浅梦", "推荐算法工程师", "蘑菇先生", "朴素人工智能",
           "机器学习与推荐算法", "搜广推小站", "阿里技术", "美团技术团队", "字节跳动技术团队", "腾讯技术工程", "知乎用户", "Jay"]


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=100000, help="articles in the store (default 100000, ~2 GB)")
    p.add_argument("--kb", type=int, default=20, help="approximate UTF-8 KB of body per article (default 20)")
    p.add_argument("--runs", type=int, default=3, help="timed runs of each tool per query (default 3)")
    p.add_argument("--seed", type=int, default=1, help="text generator seed (default 1)")
    p.add_argument("--jar", help="linkshelf jar (default: build core/target/linkshelf.jar with mvn)")
    p.add_argument("--workdir", help="parent of the work directory (default: the system temp dir)")
    p.add_argument("--reuse", help="use this existing work directory (skips generation and indexing when present)")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    p.add_argument("--java-opts", help="JVM options for linkshelf (default: the ./linkshelf launcher's default_java_opts)")
    args = p.parse_args(argv)
    if args.articles < 1 or args.runs < 1 or args.kb < 1:
        p.error("need --articles >= 1, --runs >= 1, --kb >= 1")
    return args


def launcher_java_opts():
    """The JVM options the ./linkshelf launcher runs every command with, so the jar runs as users run it."""
    with open(os.path.join(REPO, "linkshelf"), encoding="utf-8") as f:
        m = re.search(r'^default_java_opts="([^"]*)"', f.read(), re.M)
    return m.group(1).split() if m else []


def ensure_tools():
    missing = [pkg for tool, pkg in (("rg", "ripgrep"), (GNU_TIME, "time")) if not shutil.which(tool)]
    if missing and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", *missing], check=True, stdout=subprocess.DEVNULL)
    for tool in ("rg", GNU_TIME, "java"):
        if not shutil.which(tool):
            sys.exit(f"grep_bench: {tool} is needed")


def sentence_pool(rng, size):
    pool = []
    for n in range(size):
        words = []
        for _ in range(rng.randint(6, 16)):
            r = rng.random()
            if r < 0.45:
                words.append(rng.choice(DOMAIN))
            elif r < 0.85:
                words.append(rng.choice(FUNCTION))
            elif r < 0.95:
                words.append(" " + rng.choice(LATIN) + " ")
            else:
                words.append(str(rng.randint(1, 999)))
            if rng.random() < 0.12:
                words.append(rng.choice(PUNCT))
        if n % 40 == 0:
            words.append(f"，AUC 提升了 {rng.randint(0, 3)}.{rng.randint(0, 99):02d}%")
        if n % 90 == 0:
            words.append(f"，{rng.randint(2015, 2025)}年{rng.randint(1, 12)}月")
        pool.append("".join(words).strip() + "。")
    return pool


def generate(text_dir, articles, kb, seed):
    rng = random.Random(seed)
    pool = sentence_pool(rng, 50000)
    os.makedirs(text_dir, exist_ok=True)
    target = kb * 1024
    total = 0
    for a in range(articles):
        paragraphs = []
        size = 0
        while size < target:
            p = "".join(rng.choice(pool) for _ in range(rng.randint(3, 9)))
            if a % 5000 == 17 and len(paragraphs) == 3:
                p += "我们试了蒙特卡洛树搜索来做重排。"
            if a % 5000 == 2024 and len(paragraphs) == 5:
                p += "线上用的是 HyperLogLogRanker 做去重。"
            paragraphs.append(p)
            size += len(p.encode("utf-8")) + 2
        author = AUTHORS[a % len(AUTHORS)]
        header = (f"Title: 基准文章第{a}篇\nAuthor: {author}\nSection: {author}\n"
                  f"URL: https://mp.weixin.qq.com/s?__biz=MzBench&mid={a}&idx=1\nPublished: 2024-01-01T00:00:00Z\n"
                  f"Snapshot: 20260101T000000Z\n\n")
        data = (header + "\n\n".join(paragraphs) + "\n").encode("utf-8")
        with open(os.path.join(text_dir, f"wx-mzbench-{a}-1.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        if a and a % 10000 == 0:
            print(f"  generated {a} articles, {total / 1e9:.2f} GB", flush=True)
    return total


def timed(cmd, env=None):
    """Runs cmd under GNU time, reading its stdout through a pipe; returns (exit, wall s, peak RSS KB, out bytes)."""
    with tempfile.NamedTemporaryFile(prefix="time-", suffix=".txt", delete=False) as t:
        stats = t.name
    try:
        start = time.monotonic()
        proc = subprocess.Popen([GNU_TIME, "-v", "-o", stats, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        out = 0
        while True:
            chunk = proc.stdout.read(1 << 20)
            if not chunk:
                break
            out += len(chunk)
        err = proc.stderr.read()
        code = proc.wait()
        wall = time.monotonic() - start
        text = open(stats, encoding="utf-8", errors="replace").read()
        m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
        if m:
            wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        if code not in (0, 1):
            sys.stderr.write(f"grep_bench: {' '.join(cmd)} exited {code}: {err.decode('utf-8', 'replace')[-2000:]}\n")
        return code, wall, rss, out
    finally:
        os.unlink(stats)


def count_lines(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE).stdout.decode("utf-8", "replace")
    return sum(int(line.rsplit(":", 1)[1]) for line in out.splitlines() if ":" in line)


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def main(argv):
    args = parse_args(argv)
    ensure_tools()
    jar = args.jar
    if not jar:
        subprocess.run(["mvn", "-B", "-q", "-o", "-DskipTests", "-pl", "core", "-am", "package"], cwd=REPO, check=True)
        jar = os.path.join(REPO, "core", "target", "linkshelf.jar")
    work = args.reuse or tempfile.mkdtemp(prefix="grep-bench-", dir=args.workdir)
    archive = os.path.join(work, "archive")
    text = os.path.join(archive, "text")
    lines = []

    def report(s=""):
        print(s, flush=True)
        lines.append(s)

    report(f"grep benchmark {datetime.datetime.now().isoformat(timespec='seconds')}: {args.articles} articles, "
           f"~{args.kb} KB each, seed {args.seed}, {os.cpu_count()} CPUs")
    report(f"rg: {subprocess.run(['rg', '--version'], stdout=subprocess.PIPE).stdout.decode().splitlines()[0]}; "
           f"java: {subprocess.run(['java', '-version'], stderr=subprocess.PIPE).stderr.decode().splitlines()[0]}")
    if not os.path.isdir(text):
        t0 = time.monotonic()
        size = generate(text, args.articles, args.kb, args.seed)
        report(f"generated {size / 1e9:.2f} GB of text in {time.monotonic() - t0:.0f} s")
    report(f"text store: {du(text) / 1e9:.2f} GB in {args.articles} files")
    java = ["java", *(args.java_opts.split() if args.java_opts is not None else launcher_java_opts())]
    report(f"linkshelf runs as: {' '.join(java)} -jar {os.path.basename(jar)}")
    linkshelf = [*java, "-jar", jar, "grep", "--archive", archive, "--color", "never"]
    if not os.path.isdir(os.path.join(archive, "index", "grep")):
        code, wall, rss, _ = timed([*java, "-jar", jar, "grep", "--archive", archive, "--reindex"])
        report(f"index build (grep --reindex): {wall:.1f} s, peak RSS {rss / 1024:.0f} MB, exit {code}")
    report(f"index size: {du(os.path.join(archive, 'index', 'grep')) / 1e6:.0f} MB")
    subprocess.run(["cat"] + [os.path.join(text, f) for f in os.listdir(text)[:1]], stdout=subprocess.DEVNULL)
    subprocess.run(["rg", "-c", "zzzzzz", text], stdout=subprocess.DEVNULL)  # warm the page cache

    report("")
    report(f"{'query':<22} {'pattern':<24} {'lines':>9} {'linkshelf s':>11} {'rg s':>7} {'ratio':>6} "
           f"{'linkshelf RSS':>13} {'rg RSS':>7}")
    for name, pattern in QUERIES:
        ours = count_lines(linkshelf + ["-c", pattern])
        theirs = count_lines(["rg", "-c", pattern, text])
        check = "" if ours == theirs else f"  MISMATCH: linkshelf {ours} lines, rg {theirs}"
        results = {"linkshelf": [], "rg": []}
        for run in range(args.runs):
            order = ["linkshelf", "rg"] if run % 2 == 0 else ["rg", "linkshelf"]
            for tool in order:
                cmd = linkshelf + [pattern] if tool == "linkshelf" else ["rg", "-n", pattern, text]
                results[tool].append(timed(cmd))
        ls_wall = statistics.median(r[1] for r in results["linkshelf"])
        rg_wall = statistics.median(r[1] for r in results["rg"])
        ls_rss = max(r[2] for r in results["linkshelf"])
        rg_rss = max(r[2] for r in results["rg"])
        report(f"{name:<22} {pattern:<24} {ours:>9} {ls_wall:>11.2f} {rg_wall:>7.2f} {ls_wall / rg_wall:>5.2f}x "
               f"{ls_rss / 1024:>10.0f} MB {rg_rss / 1024:>4.0f} MB{check}")
        for tool in ("linkshelf", "rg"):
            report(f"    {tool:<9} runs: " + ", ".join(f"{r[1]:.2f} s (exit {r[0]}, {r[3] / 1e6:.1f} MB out)" for r in results[tool]))
    report("")
    report("ratio = linkshelf wall / rg wall (median of runs; below 1 means linkshelf is faster). "
           "linkshelf times include JVM start.")
    os.makedirs(os.path.join(HERE, "out"), exist_ok=True)
    out = os.path.join(HERE, "out", f"grep-{datetime.datetime.now().strftime('%Y%m%dT%H%M%S')}.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"written to {out}")
    if args.keep or args.reuse:
        print(f"work directory: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
