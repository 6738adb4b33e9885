#!/usr/bin/env python3
"""Folio's `check` against Mozilla's compare-locales on the same tree, in the same run.

Usage: benches/compare_locales.py [TREE] [REFERENCE] [EXCLUDE...]
Default: ../shared/corpora/www-l10n en en-US  (mozilla.org's 106 locales against `en`)

Builds `folio` in release mode, runs both tools on TREE (compare-locales through
../shared/tools/compare-locales, which installs compare-locales 9.0.5 once), then prints
  - per-locale and total `missing` / `obsolete` / present counts from each, and whether they agree
  - the errors compare-locales reports, and whether Folio reports a finding at the same place
  - wall-clock times (best of several runs for Folio) and their ratio.
Exit status 1 when the totals disagree.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))


def main():
    tree = sys.argv[1] if len(sys.argv) > 1 else os.path.join(SHARED, "corpora", "www-l10n")
    reference = sys.argv[2] if len(sys.argv) > 2 else "en"
    exclude = sys.argv[3:] if len(sys.argv) > 3 else ["en-US"]

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    folio = os.path.join(ROOT, "target", "release", "folio")
    args = [folio, "check", tree, "--reference", reference, "--format", "json"]
    for tag in exclude:
        args += ["--exclude", tag]

    # compare-locales: one run (it takes about a minute on www-l10n).
    tool = os.path.join(SHARED, "tools", "compare-locales")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cl.json")
        env = dict(os.environ, CL_EXCLUDE=" ".join(exclude))
        subprocess.run([tool, tree, reference, "--", "--json", out],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up / install
        start = time.perf_counter()
        subprocess.run([tool, tree, reference, "--", "--json", out],
                       env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cl_seconds = time.perf_counter() - start
        with open(out) as f:
            cl = json.load(f)[0]

    # Folio: best of 5 (the machine is shared and noisy).
    folio_seconds = []
    for _ in range(5):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True)
        folio_seconds.append(time.perf_counter() - start)
    report = json.loads(done.stdout)

    agree = compare_totals(cl["summary"], report["locales"])
    compare_errors(cl["details"], report["findings"])
    best = min(folio_seconds)
    print()
    print(f"compare-locales 9.0.5: {cl_seconds:8.3f} s")
    print(f"folio check (best of 5): {best:6.3f} s   (runs: {', '.join(f'{s:.3f}' for s in folio_seconds)})")
    print(f"ratio: folio is {cl_seconds / best:.0f}x faster")
    sys.exit(0 if agree else 1)


def compare_totals(summary, locales):
    ours = {l["locale"]: l for l in locales}
    totals = {"missing": [0, 0], "obsolete": [0, 0], "present": [0, 0]}
    disagreements = []
    for locale, s in sorted(summary.items()):
        present = s.get("changed", 0) + s.get("unchanged", 0) + s.get("keys", 0)
        theirs = {"missing": s.get("missing", 0), "obsolete": s.get("obsolete", 0), "present": present}
        mine = ours.get(locale)
        if mine is None:
            disagreements.append(f"{locale}: not checked by folio")
            continue
        for key in totals:
            totals[key][0] += theirs[key]
            totals[key][1] += mine[key]
            if theirs[key] != mine[key]:
                disagreements.append(f"{locale} {key}: compare-locales {theirs[key]}, folio {mine[key]}")
    for locale in set(ours) - set(summary):
        disagreements.append(f"{locale}: not checked by compare-locales")
    print(f"locales: compare-locales {len(summary)}, folio {len(ours)}")
    print(f"{'total':10} {'compare-locales':>16} {'folio':>10}")
    for key, (theirs, mine) in totals.items():
        print(f"{key:10} {theirs:16} {mine:10}")
    if disagreements:
        print("DISAGREE:")
        for line in disagreements[:50]:
            print("  " + line)
    else:
        print("per-locale totals agree for every locale")
    return not disagreements


def compare_errors(details, findings):
    """Every error compare-locales reports should have a Folio finding in the same file."""
    errors = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [key])
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, dict) and "error" in item:
                    errors.append(("/".join(path), item["error"]))

    walk(details, [])
    found = {f["path"] for f in findings if f["severity"] == "error"}
    unmatched = [e for e in errors if not any(e[0].endswith(p) for p in found)]
    print(f"compare-locales errors: {len(errors)}; without a folio error in the same file: {len(unmatched)}")
    for path, message in unmatched[:20]:
        print(f"  {path}: {message[:120]}")


if __name__ == "__main__":
    main()
