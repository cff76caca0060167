#!/usr/bin/env python3
"""Serves a fixture site made by bench/fixture_site.py on loopback, for the crawl benchmark.

Routes (GET and HEAD, HTTP/1.1 keep-alive, always with Content-Length):
  /s?...mid=<n>...     articles/<n>.html      (text/html; charset=utf-8)
  /img/<n>/<k>.png     img/<n>/<k>.png        (image/png)
  /robots.txt          robots.txt
  /list.html           list.html              (links every article)
  anything else        404

Prints "port <P>" on its first line of stdout once it listens, so a caller that asked for
--port 0 learns the free port the system chose. Files are read at request time, so the site
may be generated after the server has started. Only the standard library is used.
"""

import argparse
import os
import re
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

IMAGE_PATH = re.compile(r"^/img/(\d{1,9})/(\d{1,9})\.png$")
DIGITS = re.compile(r"^\d{1,9}$")


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, root):
        super().__init__(address, FixtureHandler)
        self.root = root


class FixtureHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "linkshelf-bench/1"
    # Idle keep-alive connections are closed after this many seconds, so stray clients do not pin threads.
    timeout = 30
    # Headers and body go out in two writes; with Nagle on, the client's delayed ACK stalls every response ~40 ms.
    disable_nagle_algorithm = True

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body):
        found = self.resolve()
        if found is None:
            self.send_bytes(404, "text/plain; charset=utf-8", b"not found\n", send_body)
            return
        path, content_type = found
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            self.send_bytes(404, "text/plain; charset=utf-8", b"not found\n", send_body)
            return
        self.send_bytes(200, content_type, data, send_body)

    def resolve(self):
        """The file and media type a request path names, or None."""
        parts = urlsplit(self.path)
        root = self.server.root
        if parts.path == "/s":
            mid = parse_qs(parts.query).get("mid", [""])[0]
            if DIGITS.match(mid):
                return os.path.join(root, "articles", f"{int(mid)}.html"), "text/html; charset=utf-8"
            return None
        image = IMAGE_PATH.match(parts.path)
        if image:
            return os.path.join(root, "img", str(int(image.group(1))), f"{int(image.group(2))}.png"), "image/png"
        if parts.path == "/robots.txt":
            return os.path.join(root, "robots.txt"), "text/plain; charset=utf-8"
        if parts.path in ("/list.html", "/"):
            return os.path.join(root, "list.html"), "text/html; charset=utf-8"
        return None

    def send_bytes(self, status, content_type, data, send_body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def log_message(self, format, *args):
        pass  # a line per request would cost more than serving it


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--root", required=True, help="the directory fixture_site.py wrote")
    p.add_argument("--port", type=int, default=0, help="port to listen on; 0 picks a free one (default)")
    p.add_argument("--bind", default="127.0.0.1", help="loopback address to bind (default 127.0.0.1)")
    args = p.parse_args(argv)
    if not args.bind.startswith("127."):
        p.error("--bind must be a loopback address (127.x.x.x): the fixture is for local benchmarks only")
    server = FixtureServer((args.bind, args.port), os.path.abspath(args.root))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"port {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
