#!/usr/bin/env python3
"""Counts what WARC files hold, by the fixture's URL classes, so the benchmark can check that both tools
really fetched every article and every image.

Reads .warc and .warc.gz (one gzip member per record or one for the whole file). For every response and
revisit record it takes the target URI and, for responses, the HTTP status, and counts them as article
(/s?...), image (/img/...), robots (/robots.txt) or other. Only the standard library is used.

Usage: warc_stats.py FILE_OR_DIR...   (prints a JSON summary)
"""

import gzip
import json
import os
import sys
from urllib.parse import urlsplit


def classify(uri):
    path = urlsplit(uri).path
    if path == "/s":
        return "article"
    if path.startswith("/img/"):
        return "image"
    if path == "/robots.txt":
        return "robots"
    return "other"


def _open(path):
    with open(path, "rb") as f:
        magic = f.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def _read_headers(stream):
    """The next record's version line and headers, or None at the end of the file."""
    line = stream.readline()
    while line in (b"\r\n", b"\n"):
        line = stream.readline()
    if not line:
        return None
    if not line.startswith(b"WARC/"):
        raise ValueError(f"expected a WARC version line, found {line[:40]!r}")
    headers = {}
    while True:
        line = stream.readline()
        if not line:
            raise ValueError("WARC header block ends early")
        if line in (b"\r\n", b"\n"):
            return headers
        name, _, value = line.decode("utf-8", "replace").partition(":")
        headers[name.strip().lower()] = value.strip()


def scan_file(path, totals):
    with _open(path) as stream:
        while True:
            headers = _read_headers(stream)
            if headers is None:
                return
            length = int(headers.get("content-length", "0"))
            kind = headers.get("warc-type", "")
            totals["records"] += 1
            block = stream.read(length)
            if len(block) != length:
                raise ValueError(f"{path}: record of {length} bytes is truncated")
            if kind not in ("response", "revisit"):
                continue
            # wget 1.21 writes the WARC 1.0 draft form "<uri>"; strip the brackets.
            uri = headers.get("warc-target-uri", "").strip("<>")
            cls = classify(uri)
            if kind == "revisit":
                totals["revisit"][cls] = totals["revisit"].get(cls, 0) + 1
                continue
            if not uri.startswith("http"):
                continue
            status_line = block.split(b"\r\n", 1)[0].decode("latin-1")
            parts = status_line.split(" ")
            status = parts[1] if len(parts) > 1 else "?"
            bucket = totals["ok"] if status == "200" else totals["not_ok"]
            bucket[cls] = bucket.get(cls, 0) + 1
            totals["response_bytes"] += length


def warc_files(paths):
    found = []
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith((".warc", ".warc.gz")) and not name.startswith("."):
                    found.append(os.path.join(p, name))
        elif os.path.isfile(p):
            found.append(p)
    return found


def stats(paths):
    """Counts over every WARC file in paths (files or directories); errors are reported, not raised."""
    totals = {"files": 0, "records": 0, "ok": {}, "not_ok": {}, "revisit": {}, "response_bytes": 0, "errors": []}
    for path in warc_files(paths):
        totals["files"] += 1
        try:
            scan_file(path, totals)
        except (OSError, ValueError, EOFError) as e:
            totals["errors"].append(f"{path}: {e}")
    return totals


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(stats(argv), indent=2, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
