#!/usr/bin/python3
"""Build assets/text/kjv.txt.gz from the Debian bible-kjv package.

Runs `bible -f Gen1:1-Rev22:21`: -f turns pretty-printing off, so the
program prints one verse per line as "<abbrev><chapter>:<verse> <text>".
The only changes made here:
  * the program's short book name (e.g. "Ge", "1Sm") is replaced by the
    full book name, with a space before the chapter ("Genesis 1:1 ...");
  * runs of whitespace inside a verse are collapsed to one space and
    trailing whitespace is removed.
Output: UTF-8, LF line endings, gzip with mtime=0 and no stored file name,
so the result is byte-for-byte reproducible.
"""
import gzip
import re
import subprocess
import sys
from pathlib import Path

# (abbreviation as printed by bible 4.38, full name), in canonical order.
BOOKS = [
    ("Ge", "Genesis"), ("Exo", "Exodus"), ("Lev", "Leviticus"),
    ("Num", "Numbers"), ("Deu", "Deuteronomy"), ("Josh", "Joshua"),
    ("Jdgs", "Judges"), ("Ruth", "Ruth"), ("1Sm", "1 Samuel"),
    ("2Sm", "2 Samuel"), ("1Ki", "1 Kings"), ("2Ki", "2 Kings"),
    ("1Chr", "1 Chronicles"), ("2Chr", "2 Chronicles"), ("Ezra", "Ezra"),
    ("Neh", "Nehemiah"), ("Est", "Esther"), ("Job", "Job"),
    ("Psa", "Psalms"), ("Prv", "Proverbs"), ("Eccl", "Ecclesiastes"),
    ("SSol", "Song of Solomon"), ("Isa", "Isaiah"), ("Jer", "Jeremiah"),
    ("Lam", "Lamentations"), ("Eze", "Ezekiel"), ("Dan", "Daniel"),
    ("Hos", "Hosea"), ("Joel", "Joel"), ("Amos", "Amos"),
    ("Obad", "Obadiah"), ("Jonah", "Jonah"), ("Mic", "Micah"),
    ("Nahum", "Nahum"), ("Hab", "Habakkuk"), ("Zep", "Zephaniah"),
    ("Hag", "Haggai"), ("Zec", "Zechariah"), ("Mal", "Malachi"),
    ("Mat", "Matthew"), ("Mark", "Mark"), ("Luke", "Luke"),
    ("John", "John"), ("Acts", "Acts"), ("Rom", "Romans"),
    ("1Cor", "1 Corinthians"), ("2Cor", "2 Corinthians"),
    ("Gal", "Galatians"), ("Eph", "Ephesians"), ("Phi", "Philippians"),
    ("Col", "Colossians"), ("1Th", "1 Thessalonians"),
    ("2Th", "2 Thessalonians"), ("1Tim", "1 Timothy"), ("2Tim", "2 Timothy"),
    ("Titus", "Titus"), ("Phmn", "Philemon"), ("Heb", "Hebrews"),
    ("Jas", "James"), ("1Pet", "1 Peter"), ("2Pet", "2 Peter"),
    ("1Jn", "1 John"), ("2Jn", "2 John"), ("3Jn", "3 John"),
    ("Jude", "Jude"), ("Rev", "Revelation"),
]
FULL = dict(BOOKS)
LINE = re.compile(r"^([1-3]?[A-Za-z]+)(\d+):(\d+) (.*)$")

raw = subprocess.run(["bible", "-f", "Gen1:1-Rev22:21"], check=True,
                     capture_output=True).stdout.decode("ascii")

out, seen = [], []
for line in raw.splitlines():
    m = LINE.match(line)
    if not m:
        sys.exit(f"unexpected line: {line!r}")
    abbr, ch, vs, text = m.groups()
    if not seen or seen[-1] != abbr:
        seen.append(abbr)
    text = " ".join(text.split())          # normalise whitespace
    out.append(f"{FULL[abbr]} {ch}:{vs} {text}")

# Completeness checks: all 66 books, in order, each exactly once.
assert seen == [a for a, _ in BOOKS], seen
assert len(out) == 31102, len(out)

dest = Path(__file__).resolve().parent / "kjv.txt.gz"
data = ("\n".join(out) + "\n").encode("utf-8")
with open(dest, "wb") as f, gzip.GzipFile(filename="", mode="wb", fileobj=f,
                                          compresslevel=9, mtime=0) as gz:
    gz.write(data)
print(f"{dest}: {len(out)} lines, {len(data.split())} words, {len(data)} bytes")
