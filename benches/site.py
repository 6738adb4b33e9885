#!/usr/bin/env python3
"""A site at scale: `folio build` and `folio serve` on a generated project of N articles in
every locale of this repository (the seed article copied under N slugs, its message and term
ids renamed so that every copy is an article of its own).

Measures, in one run:
- a full build: time and peak memory, beside the anchor `cp -r` of the built site (writing the
  same files, no rendering) and the size of the project's .ftl files;
- a second build with nothing changed (time, files rewritten), and a build after one message
  of one locale file changed (time, pages rendered, files rewritten);
- `folio serve`: its memory after start-up and after every page of every locale was requested
  once.

Usage: python3 benches/site.py [ARTICLES]   (default 1000; needs a release build: cargo build
--release). The project and the sites are made under a temporary folder and removed.
FULL_ONLY=1 measures the full build alone; SERVE=0 leaves out serve.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLIO = os.path.join(REPO, "target", "release", "folio")
TERM = re.compile(r"(?<![\w-])-smp")


def generate(root, articles):
    """The seed article under `articles` slugs, in every locale of the repository."""
    content = os.path.join(root, "content")
    shutil.copytree(os.path.join(REPO, "content"), content)
    seed = open(os.path.join(content, "smp-removal.toml"), encoding="utf-8").read()
    os.remove(os.path.join(content, "smp-removal.toml"))
    locales = sorted(os.listdir(os.path.join(REPO, "locales")))
    texts = {}
    for locale in locales:
        folder = os.path.join(root, "locales", locale)
        os.makedirs(folder)
        shutil.copy(os.path.join(REPO, "locales", locale, "site.ftl"), folder)
        texts[locale] = open(
            os.path.join(REPO, "locales", locale, "smp-removal.ftl"), encoding="utf-8"
        ).read()
    size = 0
    for i in range(articles):
        slug = f"a{i:05d}"
        rename = lambda text: TERM.sub(f"-{slug}-smp", text.replace("smp-removal", slug))
        with open(os.path.join(content, f"{slug}.toml"), "w", encoding="utf-8") as f:
            # Every copy shows the seed's images.
            f.write(rename(seed).replace(f"images/{slug}/", "images/smp-removal/"))
        for locale in locales:
            text = rename(texts[locale])
            size += len(text.encode())
            path = os.path.join(root, "locales", locale, f"{slug}.ftl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return locales, size


def timed(command):
    """Runs `command` under /usr/bin/time: (seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kb / 1024, done.stdout


def files_newer_than(folder, moment):
    return sum(
        1
        for base, _, names in os.walk(folder)
        for name in names
        if os.stat(os.path.join(base, name)).st_mtime > moment
    )


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_memory(root, locales, articles):
    port = free_port()
    server = subprocess.Popen(
        [FOLIO, "serve", "--root", root, "--addr", f"127.0.0.1:{port}", "--no-watch"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=5).read()
                break
            except OSError:
                time.sleep(0.1)
        started = rss_mb(server.pid)
        for i in range(articles):
            for locale in locales:
                urllib.request.urlopen(f"{base}/{locale}/a{i:05d}", timeout=30).read()
        after = rss_mb(server.pid)
        return started, after
    finally:
        server.terminate()
        server.wait()


def main():
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    if not os.path.exists(FOLIO):
        sys.exit("build folio first: cargo build --release")
    with tempfile.TemporaryDirectory() as scratch:
        root = os.path.join(scratch, "project")
        locales, ftl = generate(root, articles)
        site = os.path.join(scratch, "site")
        build = [FOLIO, "build", "--root", root, "--out", site, "--base-url", "https://example.com"]
        full, full_peak, out = timed(build)
        count = int(re.search(r"Wrote (\d+) files", out).group(1))
        if os.environ.get("FULL_ONLY") == "1":
            print(f"{articles} articles x {len(locales)} locales, {ftl / 1e6:.1f} MB of .ftl; "
                  f"{count} files written")
            print(f"full build              {full:8.2f} s   peak {full_peak:7.1f} MB   "
                  f"peak = {full_peak / (ftl / 1e6):.1f}x the .ftl")
            return
        copy, _, _ = timed(["cp", "-r", site, os.path.join(scratch, "copy")])
        shutil.rmtree(os.path.join(scratch, "copy"))
        before = time.time()
        time.sleep(0.01)
        again, again_peak, _ = timed(build)
        rewritten = files_newer_than(site, before)
        # A translator edits one message of one German file.
        edited = os.path.join(root, "locales", "de", "a00000.ftl")
        text = open(edited, encoding="utf-8").read()
        with open(edited, "w", encoding="utf-8") as f:
            f.write(text.replace("a00000-decision = ", "a00000-decision = Ja. ", 1))
        before_one = time.time()
        time.sleep(0.01)
        one, one_peak, one_out = timed(build)
        one_rewritten = files_newer_than(site, before_one)
        rendered = re.search(r"(\d+) pages? rendered", one_out)
        print(f"{articles} articles x {len(locales)} locales, {ftl / 1e6:.1f} MB of .ftl; "
              f"{count} files written")
        print(f"full build              {full:8.2f} s   peak {full_peak:7.1f} MB   "
              f"= {full / copy:.1f}x `cp -r` of the site ({copy:.2f} s); "
              f"peak = {full_peak / (ftl / 1e6):.1f}x the .ftl")
        print(f"again, nothing changed  {again:8.2f} s   peak {again_peak:7.1f} MB   "
              f"= {again / full:.2f}x the full build; {rewritten} files rewritten")
        print(f"after one file changed  {one:8.2f} s   peak {one_peak:7.1f} MB   "
              f"= {one / full:.2f}x the full build; "
              f"{rendered.group(1) if rendered else '?'} pages rendered, "
              f"{one_rewritten} files rewritten")
        if os.environ.get("SERVE", "1") != "0":
            started, after = serve_memory(root, locales, articles)
            print(f"serve: {started:.1f} MB after start-up, {after:.1f} MB after "
                  f"{articles * len(locales)} distinct pages = {after / started:.2f}x")


if __name__ == "__main__":
    main()
