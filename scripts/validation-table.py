#!/usr/bin/env python3
"""Regenerate the generated part of docs/VALIDATION.md from two
check-literature runs: the full run and the quick run, each written with
`boomerang-cli check-literature [--quick] --out DIR`.

    scripts/validation-table.py FULL_DIR QUICK_DIR [docs/VALIDATION.md]

It rewrites only the text between the BEGIN/END GENERATED markers: the
calibration and hold-out tables (ours full, ours quick, pass/fail of each)
and, per row, how the full run measured it (seeds, wall seconds, design).
A doc tool, not part of the build or CI (python3 only, no packages).
"""
import csv
import sys

BEGIN = "<!-- BEGIN GENERATED (boomerang-cli check-literature --out DIR; literature.csv of the full and the quick run) -->\n"
END = "<!-- END GENERATED -->"


def rows(d):
    with open(f"{d}/literature.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def cell(s):
    return s.replace("|", "\\|").replace("\n", " ")


def verdict(r):
    return "pass" if r and r["pass"] == "true" else ("**fail**" if r else "—")


def table(title, kind, full, quick):
    out = [title, "",
           "| id | target | source | published | ours, full run (95 % CI) | ours, `--quick` | band | full | quick |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in full:
        if r["kind"] != kind:
            continue
        q = quick.get(r["id"])
        out.append("| " + " | ".join(cell(x) for x in [
            r["id"], r["target"], r["source"], r["published"], r["ours_text"],
            q["ours_text"] if q else "—", r["band"], verdict(r), verdict(q)]) + " |")
    return out


def main():
    full, quick = rows(sys.argv[1]), {r["id"]: r for r in rows(sys.argv[2])}
    path = sys.argv[3] if len(sys.argv) > 3 else "docs/VALIDATION.md"
    lines = table("**Calibration targets** (the defaults were set from these)", "calibration", full, quick)
    lines += [""] + table("**Hold-out targets** (checked, never tuned)", "hold-out", full, quick)
    lines += ["", "How each number was measured (full run: seeds; wall time of its check):", ""]
    for r in full:
        lines.append(f"- **{r['id']}** (seeds {r['seeds']}; {float(r['seconds']):.1f} s): {cell(r['detail'])}")
    doc = open(path, encoding="utf-8").read()
    i, j = doc.index(BEGIN), doc.index(END)
    open(path, "w", encoding="utf-8").write(doc[:i] + BEGIN + "\n".join(lines) + "\n" + doc[j:])


if __name__ == "__main__":
    main()
