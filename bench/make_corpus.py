#!/usr/bin/env python3
"""Builds a benchmark corpus from template pages (standard library only).

Every page written is a variant of a template: paragraphs shuffled, numbers,
dates and names changed, teasers of other pages mixed in, so that no two
pages are the same and caches cannot cheat.

  bench/make_corpus.py --size 200M --out bench/corpus/200M [--container warc|wet|both]

writes OUT/text/NNNNNN.txt (a folder of text pages) and, on request,
OUT/crawl.warc.gz (HTML `response` records, one gzip member per record, as
Common Crawl does) and/or OUT/crawl.wet.gz (`conversion` text records).
"""

import argparse
import gzip
import os
import random
import re
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parent.parent / "shared" / "data" / "seeds"

# Dates, times, years and other numbers, in one pass so that a new date is
# not changed again as numbers.
NUMBER_RE = re.compile(
    r"(?P<date>\b\d{1,2}(?P<sep>[/-])\d{1,2}(?P=sep)\d{4}\b)"
    r"|(?P<daymonth>\b\d{1,2}/\d{1,2}\b)"
    r"|(?P<time>\b\d{1,2}:\d{2}\b)"
    r"|(?P<year>\b(?:19|20)\d{2}\b)"
    r"|(?P<num>\d+)"
)
# A word inside a line (not its first word); capitalised ones are names and places.
INNER_WORD_RE = re.compile(r"(?<=\S )(\w+)")
WORD_RE = re.compile(r"\b\w{2,7}\b")


def parse_size(text):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"bad size: {text}")
    scale = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[m.group(2).lower()]
    return int(float(m.group(1)) * scale)


def is_name(word):
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def load_templates(folder):
    pages = []
    for path in sorted(Path(folder).iterdir()):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            lines = [line.rstrip("\r") for line in text.split("\n")]
            if any(len(line) > 80 for line in lines):
                pages.append(lines)
    if not pages:
        sys.exit(f"make_corpus: no usable template pages in {folder}")
    return pages


class Varier:
    def __init__(self, templates, rng):
        self.templates = templates
        self.rng = rng
        words = set()
        capitalised = {}
        for lines in templates:
            seen = set()
            for line in lines:
                words.update(w.lower() for w in WORD_RE.findall(line) if w.isalpha())
                seen.update(w for w in INNER_WORD_RE.findall(line) if is_name(w))
            for w in seen:
                capitalised[w] = capitalised.get(w, 0) + 1
        self.syllables = sorted(words) or ["an", "binh", "minh"]
        # Names found in most templates (countries, institutions) stay, so
        # that the pages keep what the extractors look for.
        self.keep = {w for w, k in capitalised.items() if k * 2 > len(templates)}
        # Short lines and first sentences of paragraphs: teaser material.
        self.teasers = []
        for lines in templates:
            for line in lines:
                if 30 <= len(line) <= 120:
                    self.teasers.append(line)
                elif len(line) > 120:
                    self.teasers.append(line[: line.find(" ", 90) if line.find(" ", 90) > 0 else 100] + "...")

    def name(self):
        return " ".join(self.rng.choice(self.syllables).capitalize() for _ in range(self.rng.randint(1, 3)))

    def numbers(self, line):
        r = self.rng

        def change(m):
            if m.group("date"):
                sep = m.group("sep")
                return f"{r.randint(1, 28):02d}{sep}{r.randint(1, 12):02d}{sep}{r.randint(1995, 2025)}"
            if m.group("daymonth"):
                return f"{r.randint(1, 28)}/{r.randint(1, 12)}"
            if m.group("time"):
                return f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
            if m.group("year"):
                return str(r.randint(1995, 2025))
            s = m.group(0)
            if len(s) == 1:
                return str(r.randint(1, 9))
            return str(r.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))

        return NUMBER_RE.sub(change, line)

    def page(self, template):
        rng = self.rng
        lines = list(template)
        # Paragraphs (long lines) change places among themselves; short lines
        # (menus, headline, date line, captions) keep theirs.
        para_at = [i for i, line in enumerate(lines) if len(line) > 150]
        paras = [lines[i] for i in para_at]
        for i in range(len(paras) - 1):
            if rng.random() < 0.5:
                j = rng.randint(i, min(i + 3, len(paras) - 1))
                paras[i], paras[j] = paras[j], paras[i]
        for i, p in zip(para_at, paras):
            lines[i] = p
        # Fresh names for this page.
        mapping = {}

        def rename(m):
            w = m.group(1)
            if not is_name(w) or w in self.keep:
                return w
            if w not in mapping:
                mapping[w] = self.name() if rng.random() < 0.3 else w
            return mapping[w]

        lines = [self.numbers(INNER_WORD_RE.sub(rename, line)) for line in lines]
        # Drop a few lines, mix in teasers of other articles.
        lines = [line for line in lines if rng.random() > 0.05]
        for _ in range(rng.randint(2, 8)):
            at = rng.randint(len(lines) // 2, len(lines))
            lines.insert(at, self.numbers(rng.choice(self.teasers)))
        return "\n".join(lines) + "\n"


def html_of(text, rng):
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    lines = text.split("\n")
    title = next((line for line in lines if 20 < len(line) < 150), "Trang")
    out = [
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">",
        f"<title>{esc(title)}</title>",
        f"<meta property=\"og:title\" content=\"{esc(title)}\">",
        "<script>window.dataLayer=[];</script></head><body>",
        "<nav><ul>" + "".join(f"<li><a href=\"/m{i}\">Mục {i}</a></li>" for i in range(rng.randint(4, 10))) + "</ul></nav>",
        "<article>",
    ]
    for line in lines:
        if not line:
            continue
        if line.endswith("...") or (len(line) < 100 and rng.random() < 0.3):
            out.append(f"<div class=\"item\"><a href=\"/t{rng.randint(1, 10**6)}\">{esc(line)}</a></div>")
        else:
            out.append(f"<p>{esc(line)}</p>")
    out.append("</article><footer>Bản quyền</footer></body></html>")
    return "\n".join(out)


def warc_record(kind, uri, content_type, block):
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.UUID(int=random.getrandbits(128))}>\r\n"
        "WARC-Date: 2024-05-01T00:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=6)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("200M"), help="total size of the text pages (e.g. 50M, 1G)")
    ap.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="folder of template pages (default: %(default)s)")
    ap.add_argument("--out", default=str(HERE / "corpus" / "200M"), help="output folder (default: %(default)s)")
    ap.add_argument("--container", choices=["none", "warc", "wet", "both"], default="none",
                    help="also write the pages as one WARC (HTML) and/or WET (text) gzip file")
    ap.add_argument("--seed", type=int, default=1, help="random seed (the corpus is reproducible)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    random.seed(args.seed)
    varier = Varier(load_templates(args.seeds), rng)
    out = Path(args.out)
    (out / "text").mkdir(parents=True, exist_ok=True)
    warc = gzip_file = None
    if args.container in ("warc", "both"):
        warc = open(out / "crawl.warc.gz", "wb")
    if args.container in ("wet", "both"):
        gzip_file = open(out / "crawl.wet.gz", "wb")
    for f in (warc, gzip_file):
        if f:
            f.write(warc_record("warcinfo", "", "application/warc-fields", b"software: mekong make_corpus.py\r\n"))

    total = n = 0
    while total < args.size:
        text = varier.page(varier.templates[n % len(varier.templates)])
        data = text.encode("utf-8")
        (out / "text" / f"{n:06d}.txt").write_bytes(data)
        uri = f"https://corpus.example.vn/bai-{n:06d}.html"
        if warc:
            html = html_of(text, rng).encode("utf-8")
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html)
            warc.write(warc_record("response", uri, "application/http; msgtype=response", http + html))
        if gzip_file:
            gzip_file.write(warc_record("conversion", uri, "text/plain", data))
        total += len(data)
        n += 1
        if n % 2000 == 0:
            print(f"make_corpus: {n} pages, {total / 1e6:.0f} MB", file=sys.stderr)
    for f in (warc, gzip_file):
        if f:
            f.close()
    print(f"make_corpus: {n} pages, {total} bytes of text in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
