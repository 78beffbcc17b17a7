#!/usr/bin/env python3
"""lexicon/tools/gen_cameo.py on tiny CAMEO tables (tests/data/cameo): codes of
2 and 3 digits with a weight, QuadClass per root, `mirror` carried over.
Run by ctest (gen_cameo)."""
import os
import subprocess
import sys
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "lexicon", "tools", "gen_cameo.py")
DATA = os.path.join(ROOT, "tests", "data", "cameo")


def run(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True, encoding="utf-8")


class GenCameo(unittest.TestCase):
    def test_rows(self):
        r = run(os.path.join(DATA, "eventcodes.txt"), os.path.join(DATA, "goldstein.txt"),
                "--current", os.path.join(DATA, "current.tsv"))
        self.assertEqual(r.returncode, 0, r.stderr)
        rows = [l.split("\t") for l in r.stdout.splitlines() if l and not l.startswith("#")]
        self.assertEqual([x[0] for x in rows], ["04", "042", "043", "17", "173"])  # no 4-digit, no weightless code
        by = {x[0]: x for x in rows}
        self.assertEqual(by["042"][1:4], ["1.9", "1", "043"])  # mirror kept from the current file
        self.assertEqual(by["173"][1:4], ["-5.0", "4", ""])  # a root the current file lacks: by the table's grouping
        self.assertEqual(by["04"][4], "Consult")
        self.assertEqual(by["173"][4], "Arrest, detain, or charge with legal action")

    def test_refuses_tables_that_are_not_cameo(self):
        r = run(os.path.join(DATA, "current.tsv"), os.path.join(DATA, "current.tsv"))
        self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main()
