#!/usr/bin/env python3
"""Checks our hand-made gold records before anything is scored against them.

Usage: check_gold.py SHARED_DIR [GOLD_DIR INPUT_DIR ...]

Without folder pairs it checks tests/data/gold against tests/data/pages and
tests/data/gold/html against tests/data/pages/html.

For every gold folder:
1. Form: enumerations, dates and periods, precision of `published`, line
   numbers inside the page; for text pages also that every item's line is an
   article line (content, not optional), that `title` is one of the page's
   lines, that each named person is spelled somewhere in the page, and that a
   figure's value is a number written on its line.
2. Gold against itself: the gold records, written as a system JSONL file, are
   scored by SHARED_DIR/eval/score.py; every overall and per-document figure
   must be 1.00 (a broken or self-contradicting record scores lower).
Exit 0 when all is well, 1 with one message per problem otherwise.
"""
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PAIRS = [(ROOT / "tests/data/gold", ROOT / "tests/data/pages"),
                 (ROOT / "tests/data/gold/html", ROOT / "tests/data/pages/html")]

CAMEO = re.compile(r"\d{2,3}")
COUNTRY = re.compile(r"[A-Z]{3}")
DATE_BY_PRECISION = {"year": re.compile(r"\d{4}"), "month": re.compile(r"\d{4}-\d{2}"),
                     "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
                     "minute": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")}
PERIOD_END = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ENUMS = {
    "status": {"occurred", "planned"},
    "indicator": {"trade_turnover", "investment_registered", "investment_disbursed",
                  "investment_projects", "scholarships", "students", "aid", "other"},
    "unit": {"USD", "VND", "LAK", "count", "percent"},
    "measure": {"level", "change"},
    "approx": {"exact", "about", "over", "under"},
    "kind": {"agreement", "strategy", "mou", "protocol", "plan", "programme", "declaration"},
    "project_status": {"completed", "in_progress", "planned", None},
}
SCALE = {"tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(tỷ|triệu|nghìn|ngàn)?")


def nfc(text):
    return unicodedata.normalize("NFC", text)


def page_lines(path):
    """Lines as the scorer counts them: split at '\\n' only, a final empty piece dropped."""
    pieces = nfc(path.read_text(encoding="utf-8")).split("\n")
    return pieces[:-1] if pieces and pieces[-1] == "" else pieces


def numbers_on(line):
    """Every number written on a line, scaled by a following tỷ/triệu/nghìn."""
    found = set()
    for whole, frac, scale in NUMBER.findall(line):
        value = float(whole.replace(".", "") + ("." + frac if frac else ""))
        found.add(value * SCALE.get(scale, 1))
    return found


def ranges(value):
    lines = set()
    for a, b in value or []:
        lines.update(range(a, b + 1))
    return lines


def check_period(where, period, problems):
    if period is None:
        return
    if not isinstance(period, dict) or set(period) != {"start", "end"}:
        problems.append(f"{where}: period is not {{start, end}}")
        return
    for key in ("start", "end"):
        value = period[key]
        if value is not None and not PERIOD_END.fullmatch(str(value)):
            problems.append(f"{where}: period {key} {value!r} is not YYYY[-MM[-DD]]")
    if period["start"] and period["end"] and period["start"][:4] > period["end"][:4]:
        problems.append(f"{where}: period ends before it starts")


def check_record(path, record, text, problems):
    """Form checks of one gold record; text is the page's lines, or None for HTML."""
    doc = path.stem
    is_text = text is not None and record.get("content_lines") is not None
    if record.get("doc_id") != doc:
        problems.append(f"{doc}: doc_id {record.get('doc_id')!r} differs from the file name")
    published = record.get("published")
    if published is not None:
        pattern = DATE_BY_PRECISION.get(published.get("precision"))
        if not pattern or not pattern.fullmatch(str(published.get("value"))):
            problems.append(f"{doc}: published {published} does not fit its precision")
    content, optional = ranges(record.get("content_lines")), ranges(record.get("optional_lines"))
    article = content - optional
    if text is not None:
        if any(n < 1 or n > len(text) for n in content | optional):
            problems.append(f"{doc}: content/optional lines beyond the page's {len(text)} lines")
        if content & optional:
            problems.append(f"{doc}: lines both content and optional: {sorted(content & optional)}")
        title = record.get("title")
        if is_text and title is not None and title not in (l.strip() for l in text):
            problems.append(f"{doc}: title is not a line of the page")
    whole = "\n".join(text) if text is not None else None

    def check_line(where, line):
        if type(line) is not int or (text is not None and not 1 <= line <= len(text)):
            problems.append(f"{where}: line {line!r} is not a line of the page")
        elif is_text and line not in article:
            problems.append(f"{where}: line {line} is not an article line")

    for n, event in enumerate(record.get("events", [])):
        where = f"{doc} events[{n}]"
        date = event.get("date", {})
        pattern = DATE_BY_PRECISION.get(date.get("precision"))
        if not pattern or not all(pattern.fullmatch(str(date.get(k))) for k in ("start", "end")):
            problems.append(f"{where}: date {date} does not fit its precision")
        elif date["start"] > date["end"]:
            problems.append(f"{where}: date ends before it starts")
        if not CAMEO.fullmatch(str(event.get("cameo"))):
            problems.append(f"{where}: cameo {event.get('cameo')!r}")
        if event.get("status") not in ENUMS["status"]:
            problems.append(f"{where}: status {event.get('status')!r}")
        for key in ("actor1", "actor2"):
            actor = event.get(key) or {}
            if not COUNTRY.fullmatch(str(actor.get("country"))):
                problems.append(f"{where}: {key} country {actor.get('country')!r}")
            person = actor.get("person")
            if person and whole is not None and nfc(person) not in whole:
                problems.append(f"{where}: {key} person {person!r} is not spelled in the page")
        if event["actor1"].get("country") == event["actor2"].get("country"):
            problems.append(f"{where}: both actors are of one country")
        mechanism = event.get("mechanism")
        if mechanism is not None and (not mechanism.get("name") or not (
                mechanism.get("session") is None or type(mechanism.get("session")) is int)):
            problems.append(f"{where}: mechanism {mechanism}")
        check_line(where, event.get("line"))

    for n, figure in enumerate(record.get("figures", [])):
        where = f"{doc} figures[{n}]"
        for key in ("indicator", "unit", "measure", "approx"):
            if figure.get(key) not in ENUMS[key]:
                problems.append(f"{where}: {key} {figure.get(key)!r}")
        if (figure.get("unit") == "percent") != (figure.get("measure") == "change"):
            problems.append(f"{where}: a change is in percent, a level is not")
        for key in ("from", "to"):
            if figure.get(key) is not None and not COUNTRY.fullmatch(str(figure[key])):
                problems.append(f"{where}: {key} {figure[key]!r}")
        if figure.get("indicator") == "trade_turnover" and (figure.get("from") or figure.get("to")):
            problems.append(f"{where}: trade turnover is two-way (from/to null)")
        check_period(where, figure.get("period"), problems)
        check_line(where, figure.get("line"))
        if text is not None and type(figure.get("line")) is int and 1 <= figure["line"] <= len(text):
            value = abs(float(figure.get("value", 0)))
            if not any(abs(v - value) <= 1e-6 * max(1.0, value) for v in numbers_on(text[figure["line"] - 1])):
                problems.append(f"{where}: value {figure.get('value')} is not written on line {figure['line']}")

    for n, agreement in enumerate(record.get("agreements", [])):
        where = f"{doc} agreements[{n}]"
        if agreement.get("kind") not in ENUMS["kind"]:
            problems.append(f"{where}: kind {agreement.get('kind')!r}")
        check_period(where, agreement.get("period"), problems)
        check_line(where, agreement.get("line"))

    for n, project in enumerate(record.get("projects", [])):
        where = f"{doc} projects[{n}]"
        if project.get("status") not in ENUMS["project_status"]:
            problems.append(f"{where}: status {project.get('status')!r}")
        check_line(where, project.get("line"))


def self_score(shared, gold_dir, input_dir, records, problems):
    """Scores the gold as a system output against itself: everything must be 1.00."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        for record in records:
            system = dict(record)
            system["content_lines"] = system.get("content_lines") or []
            out.write(json.dumps(system, ensure_ascii=False) + "\n")
        system_path = out.name
    command = [sys.executable, str(shared / "eval/score.py"), "--gold", str(gold_dir),
               "--system", system_path, "--json"]
    if any(r.get("content_lines") is not None for r in records):
        command += ["--inputs", str(input_dir)]
    run = subprocess.run(command, capture_output=True, text=True)
    Path(system_path).unlink()
    if run.returncode != 0:
        problems.append(f"{gold_dir}: score.py exited {run.returncode}: {run.stderr.strip()}")
        return
    if run.stderr.strip():
        problems.append(f"{gold_dir}: score.py warns: {run.stderr.strip()}")
    result = json.loads(run.stdout)
    scopes = [("overall", result["overall"])] + [(d, v["metrics"]) for d, v in result["documents"].items()]
    for scope, metrics in scopes:
        for name, value in metrics.items():
            if value is not None and abs(value - 1.0) > 1e-9:
                problems.append(f"{gold_dir.name}/{scope}: gold against itself gives {name} {value:.3f}")
    if result["problems"]["bad_items"] or result["problems"]["docs_without_text"] and "--inputs" in command:
        problems.append(f"{gold_dir}: scorer problems {result['problems']}")


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    shared = Path(argv[1])
    pairs = [(Path(g), Path(i)) for g, i in zip(argv[2::2], argv[3::2])] or DEFAULT_PAIRS
    problems, count = [], 0
    for gold_dir, input_dir in pairs:
        records = []
        for path in sorted(gold_dir.glob("*.json")):
            record = json.loads(path.read_text(encoding="utf-8"))
            page = input_dir / (record.get("input") or path.stem + ".txt")
            if not page.is_file():
                problems.append(f"{path.stem}: no page {page}")
                continue
            text = page_lines(page) if page.suffix == ".txt" else None
            check_record(path, record, text, problems)
            records.append(record)
        if not records:
            problems.append(f"{gold_dir}: no gold records")
            continue
        count += len(records)
        self_score(shared, gold_dir, input_dir, records, problems)
    for problem in problems:
        print(problem)
    print(f"check_gold: {count} gold records, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
