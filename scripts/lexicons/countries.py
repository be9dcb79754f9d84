#!/usr/bin/env python3
"""Derive data/countries.tsv from CountryInfo (../shared/sources/country_aliases.compact.json).

One country a line: id, canonical name, other names, demonyms, capitals (lists joined by '|').
CountryInfo mixes demonyms with misspellings and native names; we keep the canonical name, the
demonyms (by suffix), the capitals, and the common alternative names in OVERRIDES, which a reader
of English news uses and the source lacks. Run: python3 scripts/lexicons/countries.py > data/countries.tsv
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "..", "shared", "sources", "country_aliases.compact.json")

# Canonical English names where CountryInfo's differs from the one news uses.
RENAME = {
    "RUSSIAN FEDERATION": "Russia", "MADAGASKAR": "Madagascar", "TIMOR LESTE": "East Timor",
    "UNITED STATES": "United States", "UNITED STATES OF AMERICA": "United States", "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND": "United Kingdom", "UNITED KINGDOM": "United Kingdom", "VATICAN CITY": "Vatican",
    "DEMOCRATIC REPUBLIC OF THE CONGO": "DR Congo", "SYRIAN ARAB REPUBLIC": "Syria",
    "COTE D'IVOIRE": "Ivory Coast", "UNITED REPUBLIC OF TANZANIA": "Tanzania", "REPUBLIC OF SOUTH AFRICA": "South Africa",
    "BRUNEI DARUSSALAM": "Brunei", "GUINEA BISSAU": "Guinea-Bissau", "FAEROE ISLANDS": "Faroe Islands",
    "BOSNIAN SERB REPUBLICA": "Republika Srpska", "SERBIA AND MONTENEGRO": "Serbia",
}
# CountryInfo rows that name no country a reader meets in the news.
DROP = {"BOSNIAK/CROAT FEDERATION"}
# Canonical capitals where CountryInfo's is rough or stale.
CAPITALS = {"Washington D.c.": "Washington D.C.", "Al Khartoum": "Khartoum", "Port Au Prince": "Port-au-Prince",
            "Dar Es Salaam": "Dodoma", "Rangoon": "Naypyidaw", "Llasa": "Lhasa", "Monaco-ville": "Monaco"}
# Names, abbreviations and demonyms that English news uses and CountryInfo lacks or buries.
OVERRIDES = {
    "United States": (["U.S.", "US", "USA", "U.S.A.", "America", "United States of America"], ["American", "Americans"], ["Washington"]),
    "United Kingdom": (["UK", "U.K.", "Britain", "Great Britain"], ["British", "Briton", "Britons"], ["London"]),
    "Russia": (["Russian Federation"], ["Russian", "Russians"], ["Moscow"]),
    "Israel": ([], ["Israeli", "Israelis"], ["Jerusalem"]),
    "Iran": ([], ["Iranian", "Iranians"], ["Tehran"]),
    "China": (["PRC"], ["Chinese"], ["Beijing"]),
    "South Korea": (["S. Korea", "S.Korea", "Republic of Korea"], ["South Korean", "South Koreans"], ["Seoul"]),
    "North Korea": (["DPRK", "N. Korea", "N.Korea"], ["North Korean", "North Koreans"], ["Pyongyang"]),
    "United Arab Emirates": (["UAE", "U.A.E."], ["Emirati", "Emiratis"], ["Abu Dhabi"]),
    "Oman": ([], ["Omani", "Omanis"], ["Muscat"]),
    "Ivory Coast": (["Cote d'Ivoire", "Côte d'Ivoire"], [], []),
    "Tanzania": ([], [], ["Dar es Salaam"]),
    "South Africa": (["S. Africa"], ["South African", "South Africans"], ["Pretoria"]),
    "Serbia": (["Yugoslavia", "Federal Republic of Yugoslavia"], ["Serbian", "Serbians", "Serb", "Serbs", "Yugoslav"], ["Belgrade"]),
    "Bosnia and Herzegovina": (["Bosnia", "Bosnia-Herzegovina"], [], []),
    "Czech Republic": (["Czechia"], [], []),
    "Myanmar": (["Burma"], [], ["Yangon", "Rangoon"]),
    "North Macedonia": ([], [], []),
    "Macedonia": (["North Macedonia"], [], []),
    "Netherlands": (["Holland", "The Netherlands"], ["Dutch"], ["The Hague"]),
    "Palestine": (["Palestinian territories", "Palestinian Territories"], ["Palestinian", "Palestinians"], ["Ramallah"]),
    "Saudi Arabia": ([], ["Saudi", "Saudis"], []),
    "Germany": ([], ["German", "Germans"], []),
    "France": ([], ["French"], []),
    "Syria": ([], ["Syrian", "Syrians"], []),
    "Turkey": (["Türkiye", "Turkiye"], ["Turkish", "Turks"], []),
    "Vietnam": (["Viet Nam"], [], []),
    "Philippines": ([], ["Filipino", "Filipinos", "Philippine"], []),
    "DR Congo": (["Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire", "DRC"], [], []),
    "East Timor": (["Timor-Leste"], [], []),
}
DEMONYM = re.compile(r"(AN|ANS|ESE|ISH|I|IS|CH|ER|ERS|OT|OTS)$")
# Aliases that are also everyday words or common given names: never matched alone.
AMBIGUOUS = {"CHAD", "JORDAN", "MALE", "NICE", "KIWI", "FINN", "POLE", "DANE", "PRAIA", "LIMA", "SOFIA", "VICTORIA"}


def title(s):
    small = {"of", "the", "and", "da", "de", "du"}
    words = s.lower().split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    rows = json.load(open(SRC, encoding="utf-8"))
    print("# Countries and territories: id, name, other names, demonyms, capitals (lists joined by '|').")
    print("# Derived from CountryInfo (openeventdata/CountryInfo, commit 07c9c54), CC BY-SA 3.0,")
    print("# by scripts/lexicons/countries.py, with common English names added by hand (OVERRIDES there).")
    print("# Licence of this file: CC BY-SA 3.0 (share-alike of its source). Edit the script, not this file.")
    seen = set()
    lines = []
    for r in rows:
        raw = r["name"]
        if not r.get("iso3") or raw.startswith("["):
            continue
        if raw in DROP:
            continue
        name = RENAME.get(raw, title(raw))
        cid = slug(name)
        if cid in seen:
            continue
        seen.add(cid)
        demonyms, others = [], []
        for s in r["nationality_and_synonyms"][:8]:
            if s in AMBIGUOUS or not s.isascii() or "," in s or "(" in s:
                continue
            t = title(s)
            if DEMONYM.search(s) and " " not in s and t != name:
                demonyms.append(t)
        capitals = [CAPITALS.get(title(c), title(c)) for c in r.get("capital", [])[:1] if c.isascii() and c not in AMBIGUOUS]
        if raw in AMBIGUOUS:
            others.append("!" + name)  # '!' marks a name matched only with country context
        extra = OVERRIDES.get(name, ([], [], []))
        others += [o for o in extra[0] if o not in others]
        demonyms += [d for d in extra[1] if d not in demonyms]
        capitals = list(dict.fromkeys(extra[2] + capitals))
        lines.append([cid, name, others, list(dict.fromkeys(demonyms)), capitals])
    # An alias CountryInfo gives two countries ("Serbian" under Montenegro too) names neither,
    # unless OVERRIDES gives it; the build refuses an alias with two owners.
    owners = {}
    for cid, name, *lists in lines:
        for alias in {name, *(a.lstrip("!") for l in lists for a in l)}:
            owners.setdefault(alias, set()).add(cid)
    for cid, name, *lists in lines:
        forced = set(sum(OVERRIDES.get(name, ([], [], [])), []))
        keep = [[a for a in l if len(owners[a.lstrip("!")]) == 1 or a in forced or a == name] for l in lists]
        print("\t".join([cid, name] + ["|".join(l) for l in keep]))


if __name__ == "__main__":
    sys.exit(main())
