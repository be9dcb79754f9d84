#!/usr/bin/env python3
"""Derive data/given_names.tsv: first names of office-holders in Phoenix.Countries.actors.txt (MIT).

A capitalised run that opens with a given name ("Phil Simmons") is a person; a run opening with a
word that is no given name at a sentence start ("Later Araghchi") is not. Names given to two or
more office-holders are kept, so the list holds common names, not one-offs.
Run: python3 scripts/lexicons/given_names.py > data/given_names.tsv
"""
import collections
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "..", "shared", "sources", "phoenix_countries_actors.parsed.jsonl")
# Leading words of office-holder entries that are titles or honorifics, not names.
NOT_NAMES = {"SIR", "DAME", "LORD", "LADY", "KING", "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIKHA", "EMIR",
             "GENERAL", "GEN", "COLONEL", "DR", "MRS", "MISS", "PRESIDENT", "PRIME", "MINISTER", "FATHER", "BISHOP",
             "CARDINAL", "ARCHBISHOP", "SULTAN", "CROWN", "CHIEF", "JUDGE", "AMBASSADOR", "MAJOR", "CAPTAIN", "THE",
             "SAINT", "SAN", "SANTA", "DEL", "DON", "HIS", "HER", "NEW", "NORTH", "SOUTH", "EAST", "WEST", "ROYAL"}


def main():
    counts = collections.Counter()
    for line in open(SRC, encoding="utf-8"):
        r = json.loads(line)
        words = r["name"].replace("_", " ").split()
        if any(c.get("dates") for c in r["codes"]) and 2 <= len(words) <= 4:
            first = words[0]
            if first.isalpha() and first.isascii() and len(first) > 2 and first not in NOT_NAMES:
                counts[first] += 1
    print("# Given names: first names of two or more dated office-holders in Phoenix.Countries.actors.txt")
    print("# (openeventdata/petrarch2, commit 676801c), by scripts/lexicons/given_names.py; edit the script, not this file.")
    print("# Licence of this file: MIT, Copyright (c) 2014 Open Event Data Alliance.")
    for name in sorted(n for n, c in counts.items() if c >= 2):
        print(name[:1] + name[1:].lower())


if __name__ == "__main__":
    main()
