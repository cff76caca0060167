#!/usr/bin/env python3
"""Politeness benchmark: one request per article, and a crawl as fast as its politeness allows, in one run.

Serves a fixture site of N WeChat-shaped articles (bench/fixture_site.py, no images) the way WeChat does:
the seed list links every article as http://, and the http server answers every request with a 301 to
the same URL over https, where the articles are. linkshelf crawls the list once (its --delay on the host,
no jitter), with a self-signed certificate trusted through -Djavax.net.ssl.trustStore (TLS stays
verified). Both servers log every request's arrival. Reported side by side with their targets:

  requests per article   every request either server saw / N                   target <= 1.02
  wall / lower bound     crawl wall time / politeness lower bound               target <= 1.10
                         (the lower bound is the sum of the host's gaps: (requests - 1) x delay,
                          the least time a crawl that keeps the gap between requests can take)
  shortest gap           the shortest time between two request arrivals          bound: >= delay
  TLS connections        TCP connections the https server accepted                (kept alive: 1)

The crawl wall time is measured from the first request's arrival to the last one's (the crawl proper),
and the whole process's wall time (JVM start, reports, index) is shown next to it.

  bench/polite_bench.py                      # 200 articles at 0.2 s: about a minute
  bench/polite_bench.py --articles 50 --delay 0.5

Only the standard library is used; needs java, mvn, keytool and openssl.
"""

import argparse
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fixture_site  # noqa: E402  (sibling scripts)
import serve  # noqa: E402

REPO = os.path.dirname(HERE)
JAR = os.path.join(REPO, "core", "target", "linkshelf.jar")


class Log:
    """Arrival times (time.monotonic) of every request, and connections accepted, per server."""

    def __init__(self):
        self.lock = threading.Lock()
        self.requests = []  # (arrival, server name, path)
        self.connections = {}

    def request(self, name, path, arrived):
        with self.lock:
            self.requests.append((arrived, name, path, time.monotonic()))

    def connection(self, name):
        with self.lock:
            self.connections[name] = self.connections.get(name, 0) + 1


LOG = Log()


class LoggingFixtureHandler(serve.FixtureHandler):
    def setup(self):
        LOG.connection("https")
        super().setup()

    def do_GET(self):
        arrived = time.monotonic()
        super().do_GET()
        LOG.request("https", self.path, arrived)


class RedirectHandler(BaseHTTPRequestHandler):
    """http: every URL answered with a 301 to the same URL over https."""
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    timeout = 30

    def setup(self):
        LOG.connection("http")
        super().setup()

    def do_GET(self):
        arrived = time.monotonic()
        location = f"https://127.0.0.1:{self.server.https_port}{self.path}"
        body = f'<a href="{location}">moved</a>\n'.encode("utf-8")
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        LOG.request("http", self.path, arrived)

    def log_message(self, format, *args):
        pass


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=200, help="articles in the fixture site (default 200)")
    p.add_argument("--delay", type=float, default=0.2, help="linkshelf --delay in seconds (default 0.2)")
    p.add_argument("--jar", help="use this linkshelf jar instead of building core/target/linkshelf.jar")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    args = p.parse_args(argv)
    if args.articles < 2 or args.delay <= 0:
        p.error("need --articles >= 2 and --delay > 0")
    return args


def run(cmd, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return done


def certificate(work):
    """A self-signed certificate for 127.0.0.1 (PEM for the server) and a PKCS12 trust store holding it (for Java)."""
    key, cert, trust = (os.path.join(work, n) for n in ("key.pem", "cert.pem", "trust.p12"))
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"])
    run(["keytool", "-importcert", "-noprompt", "-alias", "bench", "-file", cert, "-keystore", trust,
         "-storetype", "PKCS12", "-storepass", "changeit"])
    return key, cert, trust


def start(server):
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv):
    args = parse_args(argv)
    jar = args.jar
    if jar is None:
        print("building linkshelf: mvn -B -q -DskipTests -pl core package", flush=True)
        run(["mvn", "-B", "-q", "-o", "-DskipTests", "-pl", "core", "package"], cwd=REPO)
        jar = JAR
    work = tempfile.mkdtemp(prefix="linkshelf-polite-")
    try:
        key, cert, trust = certificate(work)
        site = os.path.join(work, "site")
        https = serve.FixtureServer(("127.0.0.1", 0), site)
        https.RequestHandlerClass = LoggingFixtureHandler
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        https.socket = context.wrap_socket(https.socket, server_side=True)
        plain = ThreadingHTTPServer(("127.0.0.1", 0), RedirectHandler)
        plain.daemon_threads = True
        plain.https_port = https.server_address[1]
        fixture_site.main(["--out", site, "--articles", str(args.articles), "--images", "0",
                           "--port", str(plain.server_address[1])])
        start(https)
        start(plain)

        cmd = ["java", f"-Djavax.net.ssl.trustStore={trust}", "-Djavax.net.ssl.trustStorePassword=changeit",
               "-Djavax.net.ssl.trustStoreType=PKCS12", "-jar", jar, "crawl", "--quiet",
               "--seeds", os.path.join(site, "links.md"), "--archive", os.path.join(work, "archive"),
               "--reports", os.path.join(work, "reports"), "--delay", str(args.delay)]
        print(f"crawling {args.articles} http:// articles on an https-redirecting host at --delay {args.delay} ...",
              flush=True)
        started = time.monotonic()
        done = subprocess.run(cmd, capture_output=True, text=True)
        process_wall = time.monotonic() - started
        if done.returncode != 0:
            sys.exit(f"linkshelf crawl failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
        https.shutdown()
        plain.shutdown()

        requests = sorted(LOG.requests)
        pages = [r for r in requests if r[2].startswith("/s?")]
        arrivals = [r[0] for r in requests]
        gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
        # from the end of one response (as the server sent it) to the arrival of the next request
        idle = [b[0] - a[3] for a, b in zip(requests, requests[1:])]
        served = sum(r[3] - r[0] for r in requests)
        crawl_wall = arrivals[-1] - arrivals[0]
        lower_bound = (len(requests) - 1) * args.delay
        per_article = len(requests) / args.articles
        ratio = crawl_wall / lower_bound
        ok = "ok" if per_article <= 1.02 else "OVER"
        ok2 = "ok" if ratio <= 1.10 else "OVER"
        ok3 = "ok" if min(gaps) >= args.delay else "UNDER"
        print()
        print(f"{'figure':<24}{'measured':>12}  {'target / bound':<18}")
        print(f"{'requests per article':<24}{per_article:>12.3f}  {'<= 1.02':<18}{ok}"
              f"   ({len(requests)} requests: {len(pages)} article, {len(requests) - len(pages)} other;"
              f" http {sum(1 for r in requests if r[1] == 'http')}, https {sum(1 for r in requests if r[1] == 'https')})")
        print(f"{'wall / lower bound':<24}{ratio:>12.3f}  {'<= 1.10':<18}{ok2}"
              f"   (crawl {crawl_wall:.1f} s vs {lower_bound:.1f} s = {len(requests) - 1} gaps x {args.delay} s;"
              f" whole process {process_wall:.1f} s)")
        warm = 3  # the first requests pay for the JVM's one-time set-up: TLS, class loading, JIT
        steady = (arrivals[-1] - arrivals[warm]) / ((len(requests) - 1 - warm) * args.delay)
        print(f"{'  same, after warm-up':<24}{steady:>12.3f}  {'':<18}   (from request {warm + 1} on;"
              f" the first {warm} gaps took {arrivals[warm] - arrivals[0]:.2f} s)")
        print(f"{'shortest gap (s)':<24}{min(gaps):>12.3f}  {'>= ' + str(args.delay):<18}{ok3}"
              f"   (median {sorted(gaps)[len(gaps) // 2]:.3f} s)")
        print(f"{'idle between requests':<24}{sorted(idle)[len(idle) // 2]:>12.3f}  {'median, s':<18}"
              f"   (server busy answering: {served:.1f} s in all, {1000 * served / len(requests):.1f} ms a request)")
        longest = sorted(range(len(gaps)), key=lambda i: -gaps[i])[:5]
        print(f"{'longest gaps (s)':<24}{max(gaps):>12.3f}  {'':<18}   ("
              + ", ".join(f"#{i + 1}: {gaps[i]:.2f}" for i in sorted(longest)) + ")")
        print(f"{'TLS connections':<24}{LOG.connections.get('https', 0):>12d}  {'1 (kept alive)':<18}"
              f"   (http connections {LOG.connections.get('http', 0)})")
        print()
        print(done.stdout.strip().splitlines()[0] if done.stdout.strip() else "")
        return 0 if ok == ok2 == ok3 == "ok" else 1
    finally:
        if args.keep:
            print(f"work directory kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
