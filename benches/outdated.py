#!/usr/bin/env python3
"""The editorial lifecycle at scale: records for every locale of mozilla.org, 100 reference
messages changed, and what `folio check` reports and costs.

Usage: python3 benches/outdated.py [TREE REFERENCE [EXCLUDE...]]
Default: ../shared/corpora/www-l10n en en-US  (mozilla.org's 106 locales against `en`)

On a copy of TREE in a temporary folder:
  1. `folio sync` records every locale (and adds the entries each lacks, marked untranslated,
     as sync does);
  2. 100 single-line reference messages, spread over the files, get " Edited." appended;
  3. `folio check --format json` must report exactly one `outdated` finding per changed
     message in each locale that translates it: defines it, without `# folio: untranslated`
     above it (counted here from the files' text, independently of Folio's record);
  4. the check runs eleven times with the records and eleven times without them (moved out
     of the tree), taking turns, best time kept: the ratio is the cost of the lifecycle.
Exit status 1 when the counts disagree. The machine is shared and noisy: read the ratio.
"""

import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
RECORD = "folio-record.txt"
CHANGED = 100
RUNS = 11
MESSAGE = re.compile(r"^([a-zA-Z][a-zA-Z0-9_-]*) = (\S.*)$")


def main():
    args = sys.argv[1:]
    source = args[0] if args else os.path.join(SHARED, "corpora", "www-l10n")
    reference = args[1] if len(args) > 1 else "en"
    exclude = args[2:] if len(args) > 2 else (["en-US"] if not args else [])
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    folio = os.path.join(ROOT, "target", "release", "folio")

    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "tree")
        shutil.copytree(source, tree)
        for d, _, files in os.walk(tree):
            for f in files:
                path = os.path.join(d, f)
                os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
        excluded = [a for tag in exclude for a in ("--exclude", tag)]

        start = time.perf_counter()
        subprocess.run([folio, "--root", tree, "sync", "--reference", reference, *excluded],
                       check=True, stdout=subprocess.DEVNULL)
        sync_seconds = time.perf_counter() - start
        locales = sorted(d for d in os.listdir(tree)
                         if os.path.isfile(os.path.join(tree, d, RECORD)))
        record_bytes = sum(os.path.getsize(os.path.join(tree, d, RECORD)) for d in locales)

        check = [folio, "check", tree, "--reference", reference, *excluded, "--format", "json"]
        aside = os.path.join(tmp, "records")
        unchanged = best_in_turns(check, tree, locales, aside)

        changed = change_reference(os.path.join(tree, reference))
        expected = {key: translated_by(tree, locales, key[1]) for key in changed}

        report = json.loads(subprocess.run(check, capture_output=True).stdout)
        found = {}
        for f in report["findings"]:
            if f["check"] == "outdated":
                found[f["entry"]] = found.get(f["entry"], 0) + 1
        expected_total = sum(len(v) for v in expected.values())
        found_total = sum(found.values())
        wrong = [(id, len(expected[(rel, id)]), found.get(id, 0))
                 for (rel, id) in changed if len(expected[(rel, id)]) != found.get(id, 0)]
        unexpected = set(found) - {id for _, id in changed}

        with_records, without = best_in_turns(check, tree, locales, aside)

    print(f"records: {len(locales)} locales, {record_bytes / 1e6:.1f} MB, "
          f"written by `folio sync` in {sync_seconds:.2f} s")
    print(f"changed {len(changed)} reference messages: {expected_total} translations expected "
          f"outdated, {found_total} reported")
    for id, want, got in wrong[:10]:
        print(f"  {id}: expected {want}, reported {got}")
    if unexpected:
        print(f"  reported for unchanged messages: {sorted(unexpected)[:10]}")
    print(f"{'folio check --format json':44}{'wall s':>9}{'CPU s':>9}")
    rows = [("before the change, with the records", unchanged[0]),
            ("before the change, without them", unchanged[1]),
            ("after the change, with the records", with_records),
            ("after the change, without them", without)]
    for name, (wall, cpu) in rows:
        print(f"  {name:42}{wall:9.3f}{cpu:9.3f}")
    for name, (a, b) in [("reading the records", unchanged),
                         (f"with {found_total} outdated findings to report", (with_records, without))]:
        print(f"{name}: {100 * (a[0] / b[0] - 1):+.1f}% wall ({a[0] / b[0]:.3f}x), "
              f"{100 * (a[1] / b[1] - 1):+.1f}% CPU ({a[1] / b[1]:.3f}x)")
    sys.exit(0 if not wrong and not unexpected and found_total == expected_total else 1)


def change_reference(folder):
    """Appends " Edited." to CHANGED single-line messages spread over the reference's files;
    returns their (file, id)."""
    candidates = []
    for d, _, files in sorted(os.walk(folder)):
        for f in sorted(files):
            if not f.endswith(".ftl"):
                continue
            path = os.path.join(d, f)
            lines = open(path, encoding="utf-8").read().split("\n")
            for i, line in enumerate(lines):
                match = MESSAGE.match(line)
                follows = lines[i + 1] if i + 1 < len(lines) else ""
                # A value on one line, with no attribute or continuation below it.
                if match and not follows.startswith(" ") and "{" not in match.group(2):
                    candidates.append((path, i, match.group(1)))
    step = max(1, len(candidates) // CHANGED)
    chosen = candidates[::step][:CHANGED]
    ids = [id for _, _, id in chosen]
    assert len(set(ids)) == len(ids), "a changed id is defined twice"
    by_file = {}
    for path, i, id in chosen:
        by_file.setdefault(path, []).append(i)
    for path, indexes in by_file.items():
        lines = open(path, encoding="utf-8").read().split("\n")
        for i in indexes:
            lines[i] += " Edited."
        open(path, "w", encoding="utf-8").write("\n".join(lines))
    return [(os.path.relpath(path, folder), id) for path, _, id in chosen]


def translated_by(tree, locales, id):
    """The locales that define `id` (in any file) without the untranslated mark above it."""
    definition = re.compile(rf"^{re.escape(id)} =", re.M)
    found = []
    for locale in locales:
        for d, _, files in os.walk(os.path.join(tree, locale)):
            texts = [open(os.path.join(d, f), encoding="utf-8", errors="replace").read()
                     for f in files if f.endswith(".ftl")]
            if any(defined_unmarked(text, definition) for text in texts):
                found.append(locale)
                break
    return found


def defined_unmarked(text, definition):
    match = definition.search(text)
    if not match:
        return False
    above = text[:match.start()].rstrip("\n").split("\n")
    comment = []
    for line in reversed(above):
        if not line.startswith("#") or line.startswith("##"):
            break
        comment.append(line)
    return not any(line[1:].strip().startswith("folio: untranslated") for line in comment)


def best_in_turns(check, tree, locales, aside):
    """Best wall-clock and best CPU (user + system) time of `check` with the records in place
    and moved aside, in turns: [(wall, cpu) with, (wall, cpu) without]."""
    best = [[None, None], [None, None]]
    for _ in range(RUNS):
        for i in range(2):
            if i == 1:
                move(tree, aside, locales)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(check, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if i == 1:
                move(aside, tree, locales)
            for j, seconds in enumerate((wall, cpu)):
                if best[i][j] is None or seconds < best[i][j]:
                    best[i][j] = seconds
    return best


def move(src, dst, locales):
    for locale in locales:
        os.makedirs(os.path.join(dst, locale), exist_ok=True)
        os.replace(os.path.join(src, locale, RECORD), os.path.join(dst, locale, RECORD))


if __name__ == "__main__":
    main()
