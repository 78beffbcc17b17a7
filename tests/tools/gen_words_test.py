#!/usr/bin/env python3
"""lexicon/tools/gen_words.py on a tiny CoNLL-U sample (tests/data/words):
what it keeps, what it drops, the header naming source and licence, and
its refusal of a source without a licence. Run by ctest (gen_words)."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, "lexicon", "tools", "gen_words.py")
SAMPLE = os.path.join(ROOT, "tests", "data", "words", "UD_Vietnamese-Sample")


def run(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True, encoding="utf-8")


def words_of(out):
    return [l for l in out.splitlines() if l and not l.startswith("#")]


class GenWords(unittest.TestCase):
    def test_keeps_common_multi_syllable_words_sorted(self):
        r = run(SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        # 'Hiện nay' opens a sentence: read in lower case. Dropped: the proper
        # noun, the number, 'máy fax' (f is no Vietnamese letter), '2 ngày'
        # (a digit), 'Thủ Đô' capitalised mid-sentence, single syllables.
        self.assertEqual(words_of(r.stdout), ["bốc thăm", "hiện nay", "thăm dò", "ý kiến"])

    def test_header_names_source_and_licence(self):
        r = run(SAMPLE)
        header = [l for l in r.stdout.splitlines() if l.startswith("#")]
        self.assertTrue(any("CC0 1.0" in l and "vi_sample-ud-test.conllu" in l for l in header), header)
        self.assertTrue(any("4 words" in l for l in header), header)

    def test_syllables_of_words_and_names(self):
        r = run("--syllables", SAMPLE)
        self.assertEqual(r.returncode, 0, r.stderr)
        got = words_of(r.stdout)
        # Names' syllables are kept ('nguyễn', 'an'), words' too; not digits, not
        # 'fax' (f is no Vietnamese letter), not punctuation.
        for s in ("nguyễn", "văn", "an", "thăm", "dò", "hiện", "công", "ty"):
            self.assertIn(s, got)
        for s in ("fax", "12", "2", ",", "."):
            self.assertNotIn(s, got)
        self.assertEqual(got, sorted(set(got)))
        self.assertTrue(any("syllables" in l for l in r.stdout.splitlines() if l.startswith("#")))

    def test_a_foreign_name_in_latin_letters_is_no_syllable(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(SAMPLE, os.path.join(d, "tb"))
            with open(os.path.join(d, "tb", "vi_sample-ud-test.conllu"), "a", encoding="utf-8") as f:
                f.write("\n# sent_id = sample-3\n1\tBush\tBush\tPROPN\tNp\t_\t0\troot\t_\t_\n"
                        "2\tDonald\tDonald\tPROPN\tNp\t_\t1\tflat\t_\t_\n3\tHưng\tHưng\tPROPN\tNp\t_\t1\tflat\t_\t_\n\n")
            got = words_of(run("--syllables", os.path.join(d, "tb")).stdout)
            self.assertIn("hưng", got)
            self.assertNotIn("bush", got)
            self.assertNotIn("donald", got)

    def test_min_count(self):
        r = run(SAMPLE, "--min-count", "2")
        self.assertEqual(words_of(r.stdout), ["thăm dò"])

    def test_a_source_without_licence_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(os.path.join(SAMPLE, "vi_sample-ud-test.conllu"), d)
            r = run(d)
            self.assertNotEqual(r.returncode, 0)
            self.assertIn("licence", r.stderr)
            r = run(d, "--license", "CC BY 4.0")
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("CC BY 4.0", r.stdout)

    def test_the_project_list_is_this_tools_output_form(self):
        path = os.path.join(ROOT, "lexicon", "words.tsv")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn("UD_Vietnamese-VTB (CC BY-SA 4.0)", text)
        words = words_of(text)
        self.assertEqual(words, sorted(set(words)))
        self.assertTrue(all(w == w.lower() and len(w.split()) >= 2 for w in words))


if __name__ == "__main__":
    unittest.main()
