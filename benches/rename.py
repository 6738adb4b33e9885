#!/usr/bin/env python3
"""`folio rename` on mozilla.org's 106 locales, against the parse-only floor, in one run.

Usage: python3 benches/rename.py [TREE REFERENCE OLD NEW]
Default: ../shared/corpora/www-l10n en -brand-name-firefox -brand-firefox
         (the most used term: 40,326 names in 6,475 files)

Copies TREE to a temporary folder (with a folio.toml naming REFERENCE), builds folio and the
floor (benches/parse_floor.rs) in release mode, then runs, in turns, eleven times each:
  - the floor: fluent-syntax parsing every file of the tree;
  - `folio rename --dry-run OLD NEW` (read, parse, plan, diff; nothing written);
  - `folio rename OLD NEW` followed by `folio rename NEW OLD` (each file written to a flushed
    temporary file and renamed into place, twice).
Prints the best wall-clock times and their ratios to the floor, and checks that renaming and
renaming back left every file of the tree byte for byte as it was (exit status 1 if not).
The machine is shared and noisy: read the ratios, measured in the same run, not the seconds.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check import RUNS, ROOT, SHARED, best_in_turns, build_floor  # noqa: E402


def digest(tree):
    """Every file of `tree` (relative path → SHA-256)."""
    out = {}
    for folder, _, files in os.walk(tree):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, tree)] = hashlib.sha256(f.read()).hexdigest()
    return out


def main():
    args = sys.argv[1:]
    source = args[0] if args else os.path.join(SHARED, "corpora", "www-l10n")
    reference, old, new = args[1:4] if len(args) >= 4 else ("en", "-brand-name-firefox", "-brand-firefox")

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    floor = build_floor()
    folio = os.path.join(ROOT, "target", "release", "folio")

    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "tree")
        shutil.copytree(source, tree)
        with open(os.path.join(tree, "folio.toml"), "w") as f:
            f.write(f'reference = "{reference}"\nlocales = "."\n')
        before = digest(tree)
        rename = [folio, "--root", tree, "rename"]
        round_trip = ["sh", "-c", '"$0" "$@" && exec "$0" ' + " ".join(
            f"'{a}'" for a in rename[1:] + [new, old]), *rename, old, new]
        (floor_s, _, _), (dry_s, _, out), (write_s, _, _) = best_in_turns(
            RUNS, [[floor, tree], rename + ["--dry-run", old, new], round_trip]
        )
        kept = digest(tree) == before
        summary = out.decode().splitlines()[-1]

    print()
    print(summary)
    print(f"{'':44}{'seconds':>9}")
    print(f"{'parse-only floor (fluent-syntax)':44}{floor_s:9.3f}")
    print(f"{'folio rename --dry-run':44}{dry_s:9.3f}")
    print(f"{'folio rename, then renamed back (2 writes)':44}{write_s:9.3f}")
    print(f"dry run {dry_s / floor_s:.2f}x the floor; "
          f"one rename written {write_s / 2 / floor_s:.2f}x the floor")
    print("renaming and renaming back left every file as it was" if kept
          else "FAILED: renaming and renaming back changed files")
    sys.exit(0 if kept else 1)


if __name__ == "__main__":
    main()
