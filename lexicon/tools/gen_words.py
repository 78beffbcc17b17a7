#!/usr/bin/env python3
"""Generates lexicon/words.tsv, the Vietnamese words of two or more
syllables, from word-segmented treebanks in CoNLL-U (Universal
Dependencies), not from typing.

Source used for the committed file: UD_Vietnamese-VTB (the VLSP
treebank converted to Universal Dependencies; licence CC BY-SA 4.0). Its
FORM column writes a word of several syllables with spaces ('thủ tướng',
'hợp tác'). The treebank itself is not part of this repository: get it
(git clone of the UD_Vietnamese-VTB repository) and give its folder or
its .conllu files on the command line.

Kept: multi-syllable forms of common words, in lower case. Dropped: proper
nouns (UPOS PROPN), numbers, punctuation, symbols and foreign material
(NUM, PUNCT, SYM, X), forms with a digit or any sign that is not a letter,
syllables with letters Vietnamese does not write (f, j, w, z), and capitalised
forms unless the capital is only the sentence's first letter ('Hiện nay' at
the start of a sentence is 'hiện nay').

The licence and name of each source are read from the treebank's README
('License:' line of the UD metadata block); a source without one is
refused unless --license says it.

With --syllables it writes instead lexicon/syllables.tsv: every syllable
the treebanks write, of common words and of names (a run of capitalised
syllables next to a country word is read as a name only when its syllables
are Vietnamese: 'Phú Mỹ Hưng', 'Cao Toàn Mỹ'). A syllable is kept when its
letters and its shape (onset, vowels, final) are Vietnamese, so foreign names
written in Latin letters ('Bush', 'Donald') are not.

Usage:
  python3 lexicon/tools/gen_words.py PATH... [--min-count N] [--license TEXT] > lexicon/words.tsv
  python3 lexicon/tools/gen_words.py --syllables PATH... > lexicon/syllables.tsv
PATH: a .conllu file or a folder searched for *.conllu.
"""
import argparse
import collections
import os
import re
import sys
import unicodedata

# Letters of the Vietnamese alphabet, without tone marks and vowel
# diacritics (compared after NFD decomposition); 'đ' has no decomposition.
VIET_BASE = set("abcdeghiklmnopqrstuvxyđ")
DROP_UPOS = {"PROPN", "NUM", "PUNCT", "SYM", "X"}


def nfc(s):
    return unicodedata.normalize("NFC", s)


def vietnamese_syllable(syl):
    """Letters only, every base letter one Vietnamese writes."""
    if not syl:
        return False
    for ch in unicodedata.normalize("NFD", syl.lower()):
        if unicodedata.category(ch) == "Mn":
            continue  # tone mark or vowel diacritic
        if ch not in VIET_BASE:
            return False
    return True


# The shape of a Vietnamese syllable, on its base letters (tone marks and vowel
# diacritics removed): an onset, one to three vowels, a final.
SYLLABLE_SHAPE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"[aeiouy]{1,3}(ch|ng|nh|c|m|n|p|t)?$")


def base_letters(syl):
    return "".join(ch for ch in unicodedata.normalize("NFD", syl.lower()) if unicodedata.category(ch) != "Mn")


def syllable_shaped(syl):
    return vietnamese_syllable(syl) and SYLLABLE_SHAPE.match(base_letters(syl)) is not None


def syllables_of(path, counts):
    """Adds every Vietnamese syllable of one CoNLL-U file's words and names to `counts`."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or not cols[0].isdigit() or cols[3] in ("NUM", "PUNCT", "SYM", "X"):
                continue
            for syl in nfc(cols[1]).replace("_", " ").split():
                if syllable_shaped(syl):
                    counts[syl.lower()] += 1


def conllu_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                out.extend(os.path.join(root, f) for f in files if f.endswith(".conllu"))
        elif os.path.isfile(p):
            out.append(p)
        else:
            sys.exit(f"gen_words: no such file or folder: {p}")
    return sorted(set(out))


def source_of(path, forced_license):
    """(treebank name, licence) from the README next to the file or above it."""
    d = os.path.dirname(os.path.abspath(path))
    name, lic = None, forced_license
    for _ in range(3):
        readme = os.path.join(d, "README.md")
        if os.path.isfile(readme):
            with open(readme, encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"\s*License:\s*(.+?)\s*$", line)
                    if m and not forced_license:
                        lic = m.group(1)
            name = os.path.basename(d)
            break
        d = os.path.dirname(d)
    base = os.path.basename(path)
    m = re.match(r"([a-z]+)_([a-z0-9]+)-ud-", base)
    if m and not (name or "").startswith("UD_"):  # UD file naming: vi_vtb-ud-train.conllu -> UD_Vietnamese-VTB
        tb = {"vtb": "VTB", "tuecl": "TueCL"}.get(m.group(2), m.group(2).upper())
        name = f"UD_Vietnamese-{tb}" if m.group(1) == "vi" else f"UD_{m.group(1)}-{tb}"
    return name or base, lic


def words_of(path, counts):
    """Adds the kept multi-syllable forms of one CoNLL-U file to `counts`."""
    first = True  # next token starts a sentence
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                first = True
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue  # multiword ranges (1-2) and empty nodes (1.1)
            at_start = first
            first = False
            form, upos = nfc(cols[1]).replace("_", " "), cols[3]
            if upos == "PUNCT" and at_start:
                first = True  # an opening quote or dash: the sentence starts after it
            if upos in DROP_UPOS:
                continue
            syllables = form.split()
            if len(syllables) < 2:
                continue
            if form != form.lower():
                rest = form[1:]
                if not (at_start and form[0].isupper() and rest == rest.lower()):
                    continue
                form = form[0].lower() + rest
                syllables = form.split()
            if not all(vietnamese_syllable(s) for s in syllables):
                continue
            counts[" ".join(syllables)] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="CoNLL-U files or folders")
    ap.add_argument("--min-count", type=int, default=1, help="keep words seen at least N times (default 1)")
    ap.add_argument("--license", default=None, help="licence of the sources when their README does not say it")
    ap.add_argument("--syllables", action="store_true", help="write every syllable (lexicon/syllables.tsv)")
    args = ap.parse_args()

    files = conllu_files(args.paths)
    if not files:
        sys.exit("gen_words: no .conllu file found")
    sources = collections.OrderedDict()
    counts = collections.Counter()
    for path in files:
        name, lic = source_of(path, args.license)
        if not lic:
            sys.exit(f"gen_words: no licence found for {path} (README.md 'License:' line); give --license")
        sources.setdefault((name, lic), []).append(os.path.basename(path))
        (syllables_of if args.syllables else words_of)(path, counts)
    words = sorted(w for w, n in counts.items() if n >= args.min_count)
    if not words:
        sys.exit("gen_words: no word kept")

    if args.syllables:
        intro = ("# Syllables: every Vietnamese syllable the treebanks write, of words and of names, one a\n"
                 "# line, in lower case. Generated by lexicon/tools/gen_words.py --syllables; do not edit by\n")
        unit = "syllables"
    else:
        intro = ("# Words: Vietnamese common words of two or more syllables, one a line, in lower case.\n"
                 "# Generated by lexicon/tools/gen_words.py from word-segmented treebanks; do not edit by\n")
        unit = "words"
    out = sys.stdout
    out.write(intro)
    out.write("# hand (see lexicon/README.md). Sources and their licences:\n")
    for (name, lic), names in sources.items():
        out.write(f"#   {name} ({lic}): {' '.join(names)}\n")
    out.write("# This list is derived from them and shared under the same licence.\n")
    out.write(f"# {len(words)} {unit} (seen at least {args.min_count} time(s)).\n")
    for w in words:
        out.write(w + "\n")

if __name__ == "__main__":
    main()
