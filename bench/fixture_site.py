#!/usr/bin/env python3
"""Generates the static fixture site the crawl benchmark serves (bench/serve.py serves it).

Layout of the output directory:
  articles/<n>.html      article n (1..N), shaped like a WeChat article page (PLATFORMS.md §2-§3)
  img/<n>/<k>.png        image k (1..M) of article n: a distinct, valid, incompressible PNG of 20-60 KB
  robots.txt             allows everything
  list.html              links every article (a start page for wget)
  links.md               the seed list in linkshelf's Markdown format
  urls.txt               one article URL a line (wget -i)
  site.json              what was generated (counts, bytes, port), for the benchmark's sanity checks

Everything is deterministic for a given --seed, so runs on different days crawl the same bytes.
Only the standard library is used.
"""

import argparse
import html
import json
import os
import random
import struct
import sys
import zlib

BIZ = "MzA5"
PNG_WIDTH = 128  # pixels, RGB: 384 bytes of pixel data a row plus the filter byte

AUTHORS = ["石塔西", "水哥", "张俊林", "朱小强", "九老师", "浅梦学习笔记", "秋枫学习笔记", "炼丹笔记"]

TERMS = ["召回", "粗排", "精排", "重排", "特征交叉", "双塔模型", "负采样", "向量检索", "用户兴趣建模",
         "多目标优化", "点击率预估", "转化率预估", "冷启动", "在线学习", "样本选择偏差", "位置偏差",
         "知识蒸馏", "注意力机制", "序列建模", "图神经网络", "embedding", "Transformer", "DIN", "MMoE",
         "ESMM", "GBDT", "AUC", "GAUC", "A/B 实验", "特征工程", "广告竞价", "出价策略", "流量分配",
         "搜索相关性", "语义匹配", "倒排索引", "query 改写", "长尾物料", "探索与利用", "多样性"]
VERBS = ["决定了", "影响着", "依赖于", "缓解了", "放大了", "改善了", "约束了", "替代了", "补充了", "揭示了"]
FILLERS = ["在工业界的实践中", "从离线指标来看", "上线之后我们发现", "值得注意的是", "换一个角度说",
           "这背后的原因在于", "举一个具体的例子", "在样本量足够大的时候", "对于新用户而言", "总的来说"]
TAILS = ["这一点往往被忽视。", "线上收益也随之提升。", "需要结合业务仔细权衡。", "这也是本文想要讨论的重点。",
         "离线和在线的差距由此而来。", "模型的泛化能力因此更强。", "最终效果取决于数据质量。"]

# Real article pages carry a lot of inline script and style around the body; this stands in for it.
PADDING_LINE = "  var __bench_pad_{i} = {{ enable: true, ratio: {r}, name: \"rich_media_pad_{i}\" }};\n"


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, help="output directory (created if missing)")
    p.add_argument("--articles", type=int, default=200, help="number of articles (default 200)")
    p.add_argument("--images", type=int, default=8, help="images per article (default 8)")
    p.add_argument("--port", type=int, required=True, help="the port bench/serve.py listens on (for absolute URLs)")
    p.add_argument("--host", default="127.0.0.1", help="the host name in URLs (default 127.0.0.1)")
    p.add_argument("--seed", default="linkshelf-bench-1", help="RNG seed (default linkshelf-bench-1)")
    p.add_argument("--padding-kb", type=int, default=20,
                   help="KB of inline script around the body, like real pages carry (default 20)")
    p.add_argument("--rare-every", type=int, default=0, metavar="K",
                   help=f"put the phrase {RARE_PHRASE} in every K-th article's body, for grep benchmarks (default 0: none)")
    args = p.parse_args(argv)
    if args.articles < 1 or args.images < 0 or not (0 < args.port < 65536) or args.padding_kb < 0:
        p.error("need --articles >= 1, --images >= 0, 0 < --port < 65536, --padding-kb >= 0")
    return args


def article_url(base, n):
    return f"{base}/s?__biz={BIZ}&mid={n}&idx=1&sn=abc"


def image_url(base, n, k):
    return f"{base}/img/{n}/{k}.png"


def png_bytes(rng, target_size):
    """A valid RGB PNG of about target_size bytes whose pixels are random, so it does not compress."""
    row_bytes = 1 + PNG_WIDTH * 3
    height = max(1, target_size // row_bytes)
    raw = bytearray()
    noise = rng.randbytes(height * PNG_WIDTH * 3)
    for y in range(height):
        raw.append(0)  # filter type None
        raw += noise[y * PNG_WIDTH * 3:(y + 1) * PNG_WIDTH * 3]

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", PNG_WIDTH, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 1))
            + chunk(b"IEND", b""))


def sentence(rng):
    return (rng.choice(FILLERS) + "，" + rng.choice(TERMS) + rng.choice(VERBS) + rng.choice(TERMS) + "的效果，"
            + "而" + rng.choice(TERMS) + "与" + rng.choice(TERMS) + "之间的关系" + rng.choice(TAILS))


def paragraphs(rng):
    """Chinese paragraphs totalling about 3-8 KB of UTF-8 text."""
    target = rng.randint(3 * 1024, 8 * 1024)
    out, size = [], 0
    while size < target:
        para = "".join(sentence(rng) for _ in range(rng.randint(2, 6)))
        out.append(para)
        size += len(para.encode("utf-8"))
    return out


RARE_PHRASE = "蒙特卡洛树搜索"


def article_html(rng, base, n, images, author, title, padding_kb, rare=False):
    paras = paragraphs(rng)
    if rare:
        # Appended without drawing from rng, so the rest of the site is the same with or without --rare-every.
        paras.append(f"我们也试过用{RARE_PHRASE}来规划重排序列，收益不明显。")
    # Spread the images evenly through the body; several may follow one paragraph when paragraphs are few.
    after = [max(1, k * len(paras) // (images + 1)) for k in range(1, images + 1)]
    body = []
    for i, para in enumerate(paras, 1):
        body.append(f'<p style="margin-bottom: 16px;"><span leaf="">{html.escape(para)}</span></p>')
        for k in (k for k, a in enumerate(after, 1) if a == i):
            url = image_url(base, n, k)
            body.append(f'<p style="text-align: center;"><img class="rich_pages wxw-img" data-ratio="0.5625" '
                        f'data-s="300,640" data-type="png" data-w="1080" data-src="{url}" src="{url}"></p>')
    ct = 1600000000 + n * 86400
    link = html.escape(article_url(base, n))
    pad_lines, size, i = [], 0, 0
    while size < padding_kb * 1024:
        line = PADDING_LINE.format(i=i, r=rng.random())
        pad_lines.append(line)
        size += len(line)
        i += 1
    esc_title = html.escape(title)
    esc_author = html.escape(author)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=0">
<meta property="og:title" content="{esc_title}">
<meta property="og:url" content="{link}">
<meta property="og:description" content="{html.escape(paras[0][:60])}">
<meta name="description" content="{html.escape(paras[0][:60])}">
<meta name="author" content="{esc_author}">
<title>{esc_title}</title>
<script nonce="bench" type="text/javascript">
{"".join(pad_lines)}</script>
</head>
<body id="activity-detail" class="zh_CN wx_wap_page">
<div id="js_article" class="rich_media">
<div id="page-content" class="rich_media_area_primary">
<div id="img-content" class="rich_media_wrp">
<h1 id="activity-name" class="rich_media_title"><span class="js_title_inner">{esc_title}</span></h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">
  {esc_author}
</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden; opacity: 0;">
<section>
{chr(10).join(body)}
</section>
</div>
</div>
</div>
</div>
<script nonce="bench" type="text/javascript">
  var nickname = htmlDecode("{esc_author}");
  var msg_title = '{esc_title}'.html(false);
  var msg_link = "{link}";
  var biz = "{BIZ}" || "";
  var mid = "{n}" || "";
  var idx = "1" || "";
  var sn = "abc" || "";
  var ct = "{ct}";
  var item_show_type = "0";
  var real_item_show_type = "0";
</script>
</body>
</html>
"""


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def generate(args):
    rng = random.Random(args.seed)
    base = f"http://{args.host}:{args.port}"
    out = args.out
    page_bytes = image_bytes = 0
    seeds = {}
    for n in range(1, args.articles + 1):
        author = AUTHORS[(n - 1) % len(AUTHORS)]
        title = f"{rng.choice(TERMS)}与{rng.choice(TERMS)}：工业实践笔记（{n}）"
        seeds.setdefault(author, []).append((n, title))
        rare = args.rare_every > 0 and n % args.rare_every == 0
        page = article_html(rng, base, n, args.images, author, title, args.padding_kb, rare).encode("utf-8")
        write(os.path.join(out, "articles", f"{n}.html"), page)
        page_bytes += len(page)
        for k in range(1, args.images + 1):
            img = png_bytes(random.Random(f"{args.seed}/{n}/{k}"), rng.randint(20 * 1024, 60 * 1024))
            write(os.path.join(out, "img", str(n), f"{k}.png"), img)
            image_bytes += len(img)

    write(os.path.join(out, "robots.txt"), b"User-agent: *\nAllow: /\n")
    md = ["# 说明", "linkshelf crawl benchmark fixture (bench/fixture_site.py); not real articles.", ""]
    for author, items in seeds.items():
        md += [f"# {author}的系列文章", ""]
        for n, title in items:
            md += [f"[{title}]({article_url(base, n)})", ""]
    write(os.path.join(out, "links.md"), "\n".join(md).encode("utf-8"))
    urls = [article_url(base, n) for n in range(1, args.articles + 1)]
    write(os.path.join(out, "urls.txt"), ("\n".join(urls) + "\n").encode("utf-8"))
    items = "\n".join(f'<li><a href="{html.escape(u)}">article {n}</a></li>' for n, u in enumerate(urls, 1))
    write(os.path.join(out, "list.html"),
          f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>fixture</title></head>\n"
          f"<body><ul>\n{items}\n</ul></body></html>\n".encode("utf-8"))
    summary = {"articles": args.articles, "images_per_article": args.images, "port": args.port, "host": args.host,
               "seed": args.seed, "page_bytes": page_bytes, "image_bytes": image_bytes}
    write(os.path.join(out, "site.json"), json.dumps(summary, indent=2).encode("utf-8"))
    return summary


def main(argv):
    args = parse_args(argv)
    summary = generate(args)
    print(f"fixture: {summary['articles']} articles x {summary['images_per_article']} images in {args.out} "
          f"(pages {summary['page_bytes'] / 1e6:.1f} MB, images {summary['image_bytes'] / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
