#!/usr/bin/env python3
"""Compares two output snapshots (scripts/outputs-snapshot.sh) after removing
the changes issue 12 makes on purpose, and prints what else differs.

Intended changes, removed before comparing:
- events carry a stable `id` (JSON field; GDELT column 1; ACLED `event_id`);
- document records carry the article `text` (and `anchor_date`, `extra`
  when set), so documents.jsonl reads back into a Doc.
`examples.segment.jsonl` is compared without quotes and casualties, which
`segment --depth parse` no longer computes (the other wiring bug).
`corpus.noplaces.jsonl` is compared after removing `time` and `date` too, and
the number of events whose time or date changed is reported: `--no-places`
no longer drops times (the wiring bug fixed by issue 12).

usage: scripts/compare-snapshots.py BEFORE_DIR AFTER_DIR
"""
import json
import sys
from pathlib import Path

NEW_DOC_FIELDS = ("text", "anchor_date", "extra")


def strip_event(e):
    e = dict(e)
    e.pop("id", None)
    return e


def strip_doc(d):
    d = {k: v for k, v in d.items() if k not in NEW_DOC_FIELDS}
    if "events" in d:
        d["events"] = [strip_event(e) for e in d["events"]]
    return d


def jsonl(path, fn):
    return [fn(json.loads(l)) for l in path.read_text(encoding="utf-8").split("\n") if l]


def table(path, sep, skip_header=False):
    rows = path.read_text(encoding="utf-8").split("\n")
    out = []
    for i, r in enumerate(rows):
        if skip_header and i == 0:
            out.append(r)
            continue
        # The first column is the event id in both layouts.
        out.append(r.split(sep, 1)[1] if sep in r else r)
    return out


def compare(name, a, b):
    if a == b:
        print(f"same      {name} ({len(a)} records)")
        return True
    if a and isinstance(a[0], dict) and "verb" in a[0]:
        return compare_events(name, a, b)
    # Rows as multisets, so one record more or less does not shift the rest.
    ra, rb = sorted(map(str, a)), sorted(map(str, b))
    only_a = len(set(ra) - set(rb))
    only_b = len(set(rb) - set(ra))
    print(f"DIFFERENT {name}: {len(a)} → {len(b)} records, {only_a} only before, {only_b} only after")
    return False


def event_key(e):
    return (e.get("doc"), e["verb"]["start"], e["span"]["start"], e["span"]["end"])


def compare_events(name, a, b):
    """Events matched by document, verb and evidence span."""
    da = {event_key(e): e for e in a}
    db = {event_key(e): e for e in b}
    changed, fields = 0, {}
    for k in da.keys() & db.keys():
        x, y = da[k], db[k]
        if x != y:
            changed += 1
            for f in set(x) | set(y):
                if x.get(f) != y.get(f):
                    fields[f] = fields.get(f, 0) + 1
    print(
        f"DIFFERENT {name}: {len(a)} → {len(b)} events; {len(da.keys() - db.keys())} removed, "
        f"{len(db.keys() - da.keys())} added, {changed} changed (fields: {dict(sorted(fields.items()))})"
    )
    return False


def main():
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    ok = True
    for f in sorted(p.relative_to(before) for p in before.rglob("*") if p.is_file()):
        a, b = before / f, after / f
        name = str(f)
        if not b.exists():
            print(f"MISSING   {name}")
            ok = False
            continue
        if name == "evals.txt" or name.endswith(".stderr"):
            continue
        if name.endswith("noplaces.jsonl"):
            ea, eb = jsonl(a, strip_event), jsonl(b, strip_event)
            changed = sum(
                1 for x, y in zip(ea, eb)
                if (x.get("time"), x.get("date")) != (y.get("time"), y.get("date"))
            )
            gained = sum(1 for x, y in zip(ea, eb) if "time" not in x and "time" in y)
            drop = lambda e: {k: v for k, v in e.items() if k not in ("time", "date")}
            ok &= compare(name + " (less time/date)", [drop(e) for e in ea], [drop(e) for e in eb])
            print(f"          {name}: {changed} events changed time/date, {gained} gained a time")
        elif name.endswith("events.jsonl") or name.endswith("actors.jsonl"):
            ok &= compare(name, jsonl(a, strip_event), jsonl(b, strip_event))
        elif name.endswith("segment.jsonl"):
            # `segment --depth parse` ran attribution too (the other wiring bug).
            drop = lambda d: {k: v for k, v in strip_doc(d).items() if k not in ("quotes", "casualties")}
            da, db = jsonl(a, drop), jsonl(b, drop)
            ok &= compare(name + " (less quotes/casualties)", da, db)
            had = sum(1 for d in jsonl(b, lambda d: d) if "quotes" in d or "casualties" in d)
            print(f"          {name}: {had} documents still carry quotes or casualties")
        elif "documents.jsonl" in name or name.endswith("tag.jsonl"):
            ok &= compare(name, jsonl(a, strip_doc), jsonl(b, strip_doc))
        elif name.endswith(".tsv"):
            ok &= compare(name, table(a, "\t"), table(b, "\t"))
        elif name.endswith(".csv"):
            ok &= compare(name, table(a, ",", True), table(b, ",", True))
        else:
            ok &= compare(name, a.read_bytes().splitlines(), b.read_bytes().splitlines())
    sys.exit(0 if ok else 1)


main()
