#!/usr/bin/env python3
"""Draws a random sample of extracted items for judging by hand.

Usage:
  build/mekong extract CORPUS -o out.jsonl
  scripts/sample_items.py out.jsonl --inputs CORPUS --seed 7 [--per-type 30] [--types events,figures]

For each item type it draws N items uniformly from all items of the run
(not per document), with a fixed seed so a judgement can be repeated, and
prints each with its document, headline and the line that states it (the
item's span marked with [[ ]]). A judge writes R (right: a real relation
between the two countries the item names, with the right values) or W plus
an error class next to each number. `--json` writes the sample as JSON Lines
instead, for a judging sheet.
"""
import argparse
import json
import os
import random
import sys

TYPES = ("events", "figures", "agreements", "projects")


def find_inputs(root):
    """Maps a document id (file name without extension) to its path."""
    paths = {}
    if not root:
        return paths
    for base, _dirs, files in os.walk(root):
        for f in files:
            paths.setdefault(os.path.splitext(f)[0], os.path.join(base, f))
    return paths


def line_of(path, n, cache):
    if path is None or n is None:
        return None
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                cache[path] = fh.read().split("\n")
        except OSError:
            cache[path] = []
    lines = cache[path]
    return lines[n - 1] if 0 < n <= len(lines) else None


def mark(text, span, width):
    """The line with the item's byte span marked, cut to `width` characters around it."""
    raw = text.encode("utf-8")
    if span and len(span) == 2 and 0 <= span[0] <= span[1] <= len(raw):
        pre = raw[: span[0]].decode("utf-8", "replace")
        mid = raw[span[0] : span[1]].decode("utf-8", "replace")
        post = raw[span[1] :].decode("utf-8", "replace")
        text = pre + "[[" + mid + "]]" + post
        at = len(pre)
    else:
        at = 0
    if len(text) <= width:
        return text
    start = max(0, min(at - width // 3, len(text) - width))
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")


def brief(kind, item):
    """The item's fields a judge needs, on one line."""
    skip = {"line", "span", "rule"}
    return json.dumps({k: v for k, v in item.items() if k not in skip and v is not None}, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("records", help="JSON Lines written by `mekong extract`")
    ap.add_argument("--inputs", help="folder of the input documents (to print the stated line)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-type", type=int, default=30)
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--width", type=int, default=400, help="characters of the stated line to show")
    ap.add_argument("--json", action="store_true", help="write the sample as JSON Lines")
    args = ap.parse_args()

    types = [t for t in args.types.split(",") if t]
    for t in types:
        if t not in TYPES:
            sys.exit(f"sample_items: unknown type '{t}' (one of {', '.join(TYPES)})")
    items = {t: [] for t in types}
    docs = 0
    with open(args.records, encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            docs += 1
            for t in types:
                for i, item in enumerate(rec.get(t) or []):
                    items[t].append((rec, i, item))

    paths = find_inputs(args.inputs)
    cache = {}
    rng = random.Random(args.seed)
    out = sys.stdout
    if not args.json:
        counts = ", ".join(f"{t} {len(items[t])}" for t in types)
        print(f"# {docs} documents; items: {counts}; seed {args.seed}, {args.per_type} per type", file=out)
    for t in types:
        pool = items[t]
        pick = rng.sample(range(len(pool)), min(args.per_type, len(pool)))
        if not args.json:
            print(f"\n## {t}: {len(pick)} of {len(pool)}", file=out)
        for k, idx in enumerate(pick, 1):
            rec, i, item = pool[idx]
            text = line_of(paths.get(rec.get("doc_id")), item.get("line"), cache)
            if args.json:
                json.dump({"type": t, "n": k, "doc_id": rec.get("doc_id"), "title": rec.get("title"),
                           "countries": rec.get("countries"), "item": item, "text": text}, out, ensure_ascii=False)
                out.write("\n")
                continue
            print(f"\n{t[0].upper()}{k:02d} {rec.get('doc_id')} | {rec.get('title') or ''}", file=out)
            print(f"    {brief(t, item)}  rule={item.get('rule')}", file=out)
            if text is not None:
                print(f"    L{item.get('line')}: {mark(text, item.get('span'), args.width)}", file=out)


if __name__ == "__main__":
    main()
