#!/usr/bin/env python3
"""`folio serve` under load against nginx serving the same pages from `folio build`, in one run.

Usage: python3 benches/serve.py [--duration SECONDS] [--connections N] [--rounds N]
Defaults: 10 s per measurement, 64 connections, best of 2 rounds.

Needs wrk and nginx (Debian: `apt-get install wrk nginx-light`); everything runs on loopback.
Builds folio in release mode, writes the repository's site with `folio build` into a temporary
folder, starts nginx on it (access log off, sendfile, an open-file cache, long keep-alive) and
`folio serve` on the repository (RUST_LOG=warn, file watching on, as a user runs it), then measures
with wrk, taking turns so that both servers see the same machine, in two scenarios:

  pages      every locale's page in every format (HTML, .txt, .md, .json), each request with a
             reader's Accept-Language header; the same paths from both servers
  negotiate  `GET /smp-removal` with a rotating Accept-Language header: folio ranks the q-values
             and answers 302 to the reader's locale; nginx, which cannot negotiate, serves the pages

and two layouts: `shared`, server and wrk on every core (one nginx worker and one tokio worker per
core, as deployed); `pinned`, the server on one core (one worker each) and wrk on another, so that
the load generator does not take the server's CPU and the server is what is measured.

For each: requests per second (best round), p50/p99 latency, requests and errors (socket errors and
any status other than 2xx/3xx) summed over every round, the server's CPU time per request (user and
system, from /proc; what the server costs whoever saturates first), and folio's rps as a share of
nginx's.
Exit status 1 when a run had errors or the goal (folio >= 50% of nginx, no errors, >= 100,000
requests per run) is missed. The machine is shared and noisy: read the ratios, not the rps.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SLUG = "smp-removal"
FORMATS = ["", ".txt", ".md", ".json"]
# What readers' browsers send: regional variants, q-values, a wildcard, and languages the
# project lacks (Dutch, Swedish) that fall back to the reference.
ACCEPT_LANGUAGE = [
    "de-AT,de;q=0.9,en;q=0.8",
    "fr-CA,fr;q=0.9,en-US;q=0.8,en;q=0.7",
    "pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7",
    "es-MX,es;q=0.9",
    "ja,en-US;q=0.9,en;q=0.8",
    "zh-CN,zh;q=0.9",
    "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
    "ar-EG,ar;q=0.9,en;q=0.5",
    "he-IL,he;q=0.9,en-US;q=0.8",
    "uk,ru;q=0.8,en;q=0.5",
    "pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7",
    "tr-TR,tr;q=0.9,en;q=0.8",
    "it-IT,it;q=0.9,en;q=0.7",
    "nl-NL,nl;q=0.9",
    "sv-SE,sv;q=0.9,en;q=0;q=0",
    "*",
    "en-GB,en;q=0.9",
]
GOAL_SHARE = 0.5
GOAL_REQUESTS = 100_000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    for tool in ("wrk", "nginx"):
        if not shutil.which(tool) and not os.path.exists(f"/usr/sbin/{tool}"):
            sys.exit(f"error: {tool} not found\n  help: apt-get install wrk nginx-light")

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    folio = os.path.join(ROOT, "target", "release", "folio")
    cores = sorted(os.sched_getaffinity(0))
    layouts = [Layout("shared", None, None, len(cores))]
    if len(cores) >= 2:
        # The server alone on one core, wrk alone on another: the server is what is measured.
        layouts.append(Layout("pinned", {cores[0]}, {cores[1]}, 1))

    ok = True
    with tempfile.TemporaryDirectory(prefix="folio-serve-bench-") as work:
        os.chmod(work, 0o755)  # nginx's workers may run as another user
        site = os.path.join(work, "site")
        subprocess.run(
            [folio, "build", "--out", site, "--root", ROOT], check=True, capture_output=True
        )
        locales = sorted(
            d for d in os.listdir(site) if os.path.isfile(os.path.join(site, d, SLUG + ".html"))
        )
        pages = [f"/{locale}/{SLUG}{fmt}" for locale in locales for fmt in FORMATS]
        scripts = {
            "pages": write_script(work, "pages", pages),
            "negotiate": write_script(work, "negotiate", [f"/{SLUG}"]),
        }
        # nginx has no negotiation: it serves the pages the redirects lead to.
        nginx_scripts = {"pages": scripts["pages"], "negotiate": scripts["pages"]}

        print(
            f"{len(locales)} locales, {len(pages)} pages; {args.connections} connections, "
            f"{args.duration} s x {args.rounds} rounds per server, scenario and layout; loopback"
        )
        for layout in layouts:
            with Nginx(work, site, layout) as nginx, FolioServe(folio, layout) as serve:
                check_same_pages(nginx.url, serve.url, pages)
                results = {name: {"folio": [], "nginx": []} for name in scripts}
                for name in scripts:
                    wrk(args, layout, serve.url, scripts[name], 2)  # the page cache fills
                    wrk(args, layout, nginx.url, nginx_scripts[name], 2)
                    for _ in range(args.rounds):
                        for server, process, script in (
                            ("nginx", nginx, nginx_scripts[name]),
                            ("folio", serve, scripts[name]),
                        ):
                            before = cpu_seconds(process.process.pid)
                            result = wrk(args, layout, process.url, script)
                            result["cpu"] = cpu_seconds(process.process.pid) - before
                            results[name][server].append(result)
                folio_rss = serve.peak_rss_mb()
            ok &= print_layout(layout, results, folio_rss)
    if not ok:
        print(
            f"goal missed: folio >= {GOAL_SHARE:.0%} of nginx, no errors, and at least "
            f"{GOAL_REQUESTS:,} requests in every run"
        )
    return 0 if ok else 1


class Layout:
    """Where the servers and wrk run: `shared`, every core for both; `pinned`, the server on
    one core (one nginx worker, one tokio worker) and wrk on another."""

    def __init__(self, name, server_cores, wrk_cores, workers):
        self.name = name
        self.server_cores = server_cores
        self.wrk_cores = wrk_cores
        self.workers = workers

    def describe(self):
        if self.server_cores is None:
            return f"{self.workers} cores shared by the server and wrk ({self.workers} threads)"
        return (
            f"server on core {min(self.server_cores)} (1 worker), "
            f"wrk on core {min(self.wrk_cores)} (1 thread)"
        )

    def pin(self, cores):
        if cores is None:
            return None
        return lambda: os.sched_setaffinity(0, cores)


def print_layout(layout, results, folio_rss):
    """Prints one layout's table; whether it met the goal."""
    print()
    print(f"{layout.name}: {layout.describe()}")
    header = (
        f"{'scenario':<10} {'server':<6} {'rps':>9} {'p50':>8} {'p99':>8} "
        f"{'requests':>10} {'errors':>7} {'CPU/request':>12}"
    )
    print(header)
    print("-" * len(header))
    ok = True
    for name, by_server in results.items():
        for server in ("nginx", "folio"):
            runs = by_server[server]
            best = max(runs, key=lambda r: r["rps"])
            requests = sum(r["requests"] for r in runs)
            errors = sum(r["errors"] for r in runs)
            cpu = sum(r["cpu"] for r in runs) / requests * 1e6
            print(
                f"{name:<10} {server:<6} {best['rps']:>9.0f} {ms(best['p50']):>8} "
                f"{ms(best['p99']):>8} {requests:>10} {errors:>7} {cpu:>10.1f}us"
            )
            if errors or min(r["requests"] for r in runs) < GOAL_REQUESTS:
                ok = False
        share = best_rps(by_server["folio"]) / best_rps(by_server["nginx"])
        print(f"{name:<10} folio/nginx: {share:.0%} (goal >= {GOAL_SHARE:.0%})")
        ok &= share >= GOAL_SHARE
    print(f"folio serve peak memory: {folio_rss:.0f} MB")
    return ok


def cpu_seconds(pid):
    """CPU time (user and system) of process `pid` and its children (nginx's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                # The fields after the command name, which is in parentheses.
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


def best_rps(runs):
    return max(r["rps"] for r in runs)


def ms(microseconds):
    return f"{microseconds / 1000:.2f}ms"


def write_script(work, name, paths):
    """A wrk script that walks `paths` and ACCEPT_LANGUAGE in turn and reports JSON when done."""
    lua = f"""
local paths = {{{", ".join(json.dumps(p) for p in paths)}}}
local languages = {{{", ".join(json.dumps(a) for a in ACCEPT_LANGUAGE)}}}
local requests = {{}}
local n = 0
-- In init, not at load: wrk.format adds the Host header only once wrk knows the host.
function init(args)
  for _, path in ipairs(paths) do
    for _, language in ipairs(languages) do
      table.insert(requests, wrk.format("GET", path, {{["Accept-Language"] = language}}))
    end
  end
  n = math.random(#requests) - 1
end
function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end
function done(summary, latency, _)
  local e = summary.errors
  io.write(string.format(
    '{{"requests": %d, "seconds": %f, "errors": %d, "p50": %d, "p99": %d}}\\n',
    summary.requests, summary.duration / 1e6,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""
    path = os.path.join(work, name + ".lua")
    with open(path, "w") as f:
        f.write(lua)
    return path


def wrk(args, layout, url, script, duration=None):
    duration = duration or args.duration
    threads = layout.workers if layout.wrk_cores is None else 1
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{args.connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "-s",
            script,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
        preexec_fn=layout.pin(layout.wrk_cores),
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def check_same_pages(nginx_url, folio_url, pages):
    """Both servers answer 200 for every path, with the same type of content."""
    import urllib.request

    for path in pages:
        kinds = []
        for base in (nginx_url, folio_url):
            with urllib.request.urlopen(base.rstrip("/") + path) as response:
                assert response.status == 200, (base, path, response.status)
                kinds.append(response.headers["Content-Type"].split(";")[0])
        assert kinds[0] == kinds[1], (path, kinds)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url):
    import urllib.request

    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"error: {url} did not answer")


class Nginx:
    """nginx serving `site` as a CDN or a plain web server would: static files, no negotiation."""

    def __init__(self, work, site, layout):
        self.layout = layout
        self.prefix = os.path.join(work, "nginx-" + layout.name)
        os.makedirs(os.path.join(self.prefix, "logs"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        user = "user root;" if os.geteuid() == 0 else ""
        self.conf = os.path.join(self.prefix, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(f"""
{user}
worker_processes {layout.workers};
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    open_file_cache max=1000 inactive=60s;
    open_file_cache_valid 60s;
    types {{
        text/html html;
        text/plain txt;
        text/markdown md;
        application/json json;
        image/svg+xml svg;
        application/xml xml;
    }}
    charset utf-8;
    charset_types text/plain text/markdown application/json;
    client_body_temp_path {self.prefix}/tmp;
    proxy_temp_path {self.prefix}/tmp;
    fastcgi_temp_path {self.prefix}/tmp;
    uwsgi_temp_path {self.prefix}/tmp;
    scgi_temp_path {self.prefix}/tmp;
    server {{
        listen 127.0.0.1:{self.port};
        root {site};
        location / {{ try_files $uri $uri.html $uri/index.html =404; }}
    }}
}}
""")

    def __enter__(self):
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(
            [nginx, "-p", self.prefix, "-c", self.conf, "-g", "daemon off;"],
            stderr=subprocess.DEVNULL,
            preexec_fn=self.layout.pin(self.layout.server_cores),
        )
        wait_for(self.url)
        return self

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait(timeout=10)


class FolioServe:
    """`folio serve` on the repository, as a user starts it, with request logs at warn."""

    def __init__(self, folio, layout):
        self.layout = layout
        self.command = [folio, "serve", "--addr", "127.0.0.1:0", "--root", ROOT]

    def __enter__(self):
        env = dict(os.environ, RUST_LOG="warn", NO_COLOR="1")
        env["TOKIO_WORKER_THREADS"] = str(self.layout.workers)
        self.process = subprocess.Popen(
            self.command,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            preexec_fn=self.layout.pin(self.layout.server_cores),
        )
        line = self.process.stdout.readline()
        self.url = line.split(" on ")[1].split()[0]
        wait_for(self.url + "healthz")
        return self

    def peak_rss_mb(self):
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def __exit__(self, *_):
        self.process.terminate()
        self.process.wait(timeout=15)


if __name__ == "__main__":
    sys.exit(main())
