#!/usr/bin/env python3
"""lexicon/tools/gen_persons.py on an excerpt of three CIA World Factbook
editions (tests/data/persons/factbook: the 'Executive branch' field of eight
countries in 2012, 2016 and 2025) and of Wikidata's foreign ministers
(tests/data/persons/wikidata, CC0) against a small hand-kept lexicon
(tests/data/persons/lexicon): the output must equal tests/data/persons/expected_*,
and the rules behind it hold. Run by ctest (gen_persons)."""
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "lexicon", "tools", "gen_persons.py")
DATA = os.path.join(ROOT, "tests", "data", "persons")


def rows(path):
    with open(path, encoding="utf-8") as fh:
        return [l.rstrip("\n").split("\t") for l in fh if l.strip() and not l.startswith("#")]


class GenPersons(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp()
        cls.persons = os.path.join(cls.tmp, "persons_gen.tsv")
        cls.terms = os.path.join(cls.tmp, "terms_gen.tsv")
        cls.result = subprocess.run([sys.executable, TOOL, os.path.join(DATA, "factbook"),
                                  "--lexicon", os.path.join(DATA, "lexicon"),
                                  "--foreign-ministers", os.path.join(DATA, "wikidata", "foreign_ministers.csv"),
                                  "--snapshot", "2022-12-10",
                                  "--persons-out", cls.persons, "--terms-out", cls.terms],
                                 capture_output=True, text=True, encoding="utf-8")

    def test_output_is_the_expected_one(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        for got, want in ((self.persons, "expected_persons_gen.tsv"), (self.terms, "expected_terms_gen.tsv")):
            with open(got, encoding="utf-8") as a, open(os.path.join(DATA, want), encoding="utf-8") as b:
                self.assertEqual(a.read(), b.read(), want)

    def test_rules(self):
        persons = {r[0]: r for r in rows(self.persons)}
        terms = rows(self.terms)
        # The hand-kept persons win: Xi Jinping, Putin, Thongloun (Factbook 'Sisoulit'), Li Keqiang.
        for hand in ("Xi Jinping", "Vladimir Putin", "Thongloun Sisoulith", "Thongloun Sisoulit", "Li Keqiang"):
            self.assertNotIn(hand, persons)
        # Vietnamese persons the hand file lacks are left out (the Factbook has no diacritics).
        self.assertFalse([p for p in persons.values() if p[1] == "VNM"])
        # A name that is a common word of words.tsv is left out ('ma kai' in the fixture).
        self.assertNotIn("Ma Kai", persons)
        # A monarch represented by a governor-general is not his realm's head of state.
        self.assertFalse([p for p in persons if p.startswith(("Elizabeth", "Charles"))])
        # Territories are left out (Guam lists the U.S. president).
        self.assertFalse([p for p in persons.values() if p[1] == "GUM"])
        # A term ends when the next holder's starts; the last holder's stays open.
        self.assertIn(["Joachim Gauck", "Tổng thống", "2012-03-23", "2017-03-19"], terms)
        self.assertIn(["Frank-Walter Steinmeier", "Tổng thống", "2017-03-19"], terms)
        # China's president is 'Chủ tịch nước'; the Premier is 'Thủ tướng'.
        self.assertIn(["Hu Jintao", "Chủ tịch nước", "2003-03-15", "2013-03-14"], terms)
        # A patronymic is dropped from the canonical name, kept as an alias;
        # a Japanese name also in family-name-first order.
        self.assertEqual(persons["Mikhail Mishustin"][2], "Mikhail Vladimirovich Mishustin")
        self.assertEqual(persons["Shinzo Abe"][2], "Abe Shinzo")
        # A foreign minister of Wikidata's list is in office from the start it
        # gives to the day the list was taken, no further ('approx').
        self.assertIn(["Annalena Baerbock", "Bộ trưởng Ngoại giao", "2021-12-08", "2022-12-10", "", "", "approx"],
                      terms)
        self.assertNotIn("Bùi Thanh Sơn", persons)  # Vietnamese and not in the hand file of the fixture
        # No term overlaps a hand-kept term of a single-holder office (Putin, Li Keqiang).
        self.assertFalse([t for t in terms if t[1] == "Tổng thống" and t[0].startswith("Dmitriy")
                          and t[2] >= "2012-05-07"])

    def test_refuses_a_folder_without_editions(self):
        r = subprocess.run([sys.executable, TOOL, os.path.join(DATA, "lexicon"), "--lexicon",
                            os.path.join(DATA, "lexicon"), "--persons-out", os.path.join(self.tmp, "p"),
                            "--terms-out", os.path.join(self.tmp, "t")],
                           capture_output=True, text=True, encoding="utf-8")
        self.assertNotEqual(r.returncode, 0)


if __name__ == "__main__":
    unittest.main()
