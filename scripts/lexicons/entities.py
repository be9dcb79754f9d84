#!/usr/bin/env python3
"""Derive the entity gazetteers of data/ from the open sources in ../shared/sources.

  data/places.tsv         major cities, and regions of the countries in REGION_COUNTRIES (CountryInfo,
                          CC BY-SA 3.0) + a few hand-added regions
  data/organizations.tsv  international organisations and media (Phoenix International IGO/MED entries, MIT);
                          its companies and NGOs (5,000+) are left out: they cost ~18 KB of gzip widget for
                          no measurable gain on the dev sets
  data/groups.tsv         armed and non-state groups with at least one alias (a sign the source knows them
                          well; Phoenix MilNonState, MIT)

Each line: name<TAB>aliases joined by '|'<TAB>country id (empty here; data/government.tsv uses it).
A name written in capitals in the file ("NATO") is an acronym: it matches only as written in capitals.
Run: python3 scripts/lexicons/entities.py   (writes the three files)
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
SRC = os.path.join(ROOT, "..", "shared", "sources")
SMALL = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "el", "for", "to", "at"}
# Words that mark a name as an organisation's (persons share codes with their organisation in Phoenix).
ORG_WORDS = set("""ORGANIZATION ORGANISATION UNION BANK FUND COUNCIL AGENCY COMMISSION COMMITTEE ASSOCIATION
FEDERATION FOUNDATION INSTITUTE LEAGUE PROGRAMME PROGRAM OFFICE COURT TRIBUNAL ASSEMBLY PARLIAMENT COMMUNITY
CONFERENCE FORUM MISSION FORCE FORCES ALLIANCE PACT AUTHORITY NATIONS SECRETARIAT CROSS CRESCENT WATCH
INTERNATIONAL PRESS TIMES POST JOURNAL NEWS BROADCASTING AGENCE CORPORATION GROUP PARTNERSHIP CENTRE CENTER
MOVEMENT FRONT ARMY BRIGADE BRIGADES PARTY NETWORK SOCIETY COALITION ORGANIZATIONS EXCHANGE SECURITY""".split())
# Words of roles and people, not organisations ("UN SECRETARY GENERAL", "UN ENVOY").
ROLE_WORDS = set("SECRETARY SECRETARY-GENERAL CHIEF ENVOY OFFICIAL OFFICIALS SPOKESMAN SPOKESWOMAN MONITOR MINISTER "
                 "PRESIDENT CHAIRMAN DIRECTOR RESIDENT BODIES HEAD LEADER".split())
# Source names that are everyday words or given names: never matched as an entity alone.
STOP = set("""PHOENIX PROVIDENCE CHARLOTTE AUSTIN BUFFALO LAWRENCE RICHMOND MOBILE ORLANDO JACKSON MIDI DORIS
CHAMPAGNE GEORGIA PARIS VICTORIA SANTIAGO FLORENCE MEDINA MADISON LINCOLN ALEXANDRIA HAMILTON KINGSTON READING
BATH NICE MARS LIMA SOFIA PRAIA MALE CONCORD SALEM SPRINGFIELD TOLEDO SUNBELT DAKOTA TIMOR UNIVERSITY_PARK
STATE_COLLEGE GREENVILLE COLUMBUS ATHENS_ON_THE_KAW PANGO_PANGO CHANDIGARH KASAI WASHINGTON WASHINGTON_D.C.
AMAZON APPLE SHELL ORANGE TARGET GAP VISA
FOUNDATION ORGANIZATION CORNERSTONE LIGHTNING FALCON EMETIC BOOGEYMEN""".split())
# Persons the source lists as aliases of their group ("NASRALLAH" for Hezbollah): a person is no group.
STOP |= set("NASRALLAH ZAWAHIRI AWLAQI AL-AWLAKI AULAQI HAMMARSKJOLD SUBROTO".split())
# Regions and places English news names often that the sources lack (hand-added, public knowledge).
EXTRA_PLACES = ["England", "Scotland", "Wales", "Northern Ireland", "Europe", "Asia", "Africa", "North America",
                "South America", "Latin America", "Middle East", "Gulf", "Persian Gulf", "Arabian Peninsula",
                "Balkans", "Caucasus", "Central Asia", "Southeast Asia", "East Asia", "South Asia",
                "West Bank", "Gaza", "Gaza Strip", "Golan Heights", "East Jerusalem", "Kashmir", "Crimea",
                "Donbas", "Chechnya", "Kurdistan", "Sinai", "Horn of Africa", "Sahel", "Red Sea", "Black Sea",
                "Mediterranean", "Caribbean", "Pacific", "Atlantic", "Indian Ocean", "Arctic", "Antarctica",
                "Strait of Hormuz", "South China Sea", "Taiwan Strait", "Siberia", "Scandinavia",
                "Wall Street", "Silicon Valley", "Hong Kong", "Macau", "New York", "Los Angeles", "Sarajevo",
                "Belgrade", "Bonn", "Frankfurt", "Hamburg", "Munich", "Geneva", "Zurich", "Milan", "Barcelona",
                "Istanbul", "Johannesburg", "Cape Town", "Sydney", "Melbourne", "Toronto", "Montreal",
                "Vancouver", "Mumbai", "Bombay", "Calcutta", "Karachi", "Lahore", "Shanghai", "Osaka",
                "Oval Office"]
# Well-known groups that the source lacks or files under another group (hand-added, public knowledge);
# they come first, so their names are not given to another entry.
EXTRA_GROUPS = [["Hamas"], ["Hezbollah", "Hizbollah", "Hizbullah", "Hizballah"], ["Al-Qaeda", "al-Qaeda", "Al Qaeda", "al Qaeda", "Al-Qaida"],
                ["Islamic State", "ISIS", "ISIL", "Daesh"], ["Taliban", "Taleban"], ["Houthis", "Houthi", "Ansar Allah"],
                ["Islamic Jihad", "Palestinian Islamic Jihad"], ["Kurdistan Workers' Party", "PKK"], ["Boko Haram"],
                ["Al-Shabaab", "al-Shabaab", "Shabaab"], ["Wagner Group", "Wagner"], ["Fatah"], ["Hayat Tahrir al-Sham", "HTS"],
                ["Islamic Revolutionary Guard Corps", "IRGC", "Revolutionary Guards", "Revolutionary Guard"],
                ["Irish Republican Army", "IRA"], ["Khmer Rouge"], ["Tamil Tigers", "LTTE", "Liberation Tigers of Tamil Eelam"]]
# Well-known organisations the source lacks (hand-added): bodies English news names daily.
EXTRA_ORGS = [["United Nations", "UN", "U.N."], ["UN Security Council", "U.N. Security Council", "Security Council"],
              ["European Union", "EU", "E.U."], ["North Atlantic Treaty Organization", "NATO", "Nato"],
              ["International Atomic Energy Agency", "IAEA"], ["World Health Organization"],
              ["International Monetary Fund", "IMF"], ["World Bank"], ["World Trade Organization", "WTO"],
              ["Organization of the Petroleum Exporting Countries", "OPEC", "Opec"], ["African Union", "AU"],
              ["Arab League"], ["Gulf Cooperation Council", "GCC"], ["Association of Southeast Asian Nations", "ASEAN"],
              ["Group of Seven", "G7", "G-7"], ["Group of 20", "G20", "G-20"], ["International Criminal Court", "ICC"],
              ["International Court of Justice", "ICJ"], ["Organization for Security and Cooperation in Europe", "OSCE",
              "Organisation for Security and Cooperation in Europe"], ["Palestine Liberation Organization", "PLO"],
              ["Palestinian Authority"], ["Red Cross", "International Committee of the Red Cross", "ICRC"],
              ["Amnesty International"], ["Human Rights Watch"], ["Federal Reserve", "Fed"], ["European Central Bank", "ECB"],
              ["Reuters"], ["Associated Press", "AP"], ["Agence France-Presse", "AFP"], ["Interfax"], ["Itar-Tass", "Tass", "TASS"],
              ["Xinhua"], ["BBC"], ["CNN"], ["Al Jazeera", "Al-Jazeera"], ["Bloomberg"], ["New York Times"], ["Washington Post"],
              ["Wall Street Journal"], ["Financial Times"], ["New York Stock Exchange", "NYSE"], ["Nasdaq"],
              ["European Commission"], ["European Parliament"], ["Kremlin"]] + [
    # Major political parties, as news names them (hand-added from public knowledge; Phoenix.agents.txt
    # codes parties only as a role, "~PTY"): collective actors of their stories.
    ["Republican Party", "Republicans", "GOP", "G.O.P.", "Grand Old Party"], ["Democratic Party", "Democrats"],
    ["Labour Party", "Labour"], ["Conservative Party", "Conservatives", "Tories"], ["Liberal Democrats", "Lib Dems"],
    ["Scottish National Party", "SNP"], ["Christian Democratic Union", "CDU"], ["Social Democratic Party of Germany", "SPD"],
    ["Alternative for Germany", "AfD"], ["National Rally", "Rassemblement National"], ["Bharatiya Janata Party", "BJP"],
    ["Indian National Congress", "Congress Party"], ["African National Congress", "ANC"], ["Likud"],
    ["Chinese Communist Party", "Communist Party of China", "CCP"], ["United Russia"], ["Liberal Party of Canada"],
    ["Australian Labor Party"]]


def title(raw):
    words = raw.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in SMALL:
            out.append(lw)
        elif "." in w or (len(w) <= 4 and not re.search(r"[AEIOUY]", w)):
            out.append(w)  # U.N., NBC
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def clean(raw):
    raw = raw.split("#")[0].strip().strip("_").replace("_", " ").strip()
    return re.sub(r"\s+", " ", raw)


def is_acronym(raw):
    return " " not in raw and raw.replace(".", "").isalpha() and len(raw.replace(".", "")) <= 5


def header(what, source, licence):
    return (f"# {what}: name<TAB>aliases ('|')<TAB>country id (empty). Names in capitals are acronyms.\n"
            f"# Derived from {source} by scripts/lexicons/entities.py; edit the script, not this file.\n"
            f"# Licence of this file: {licence}.\n")


def countryinfo_blocks():
    text = open(os.path.join(SRC, "CountryInfo.120116.txt"), encoding="latin-1").read()
    return text.split("<Country>")[1:]


# Regions (states, provinces) are kept only for countries whose regions English news names
# often: the source's 1,200 regions of every country cost widget size and add noise.
REGION_COUNTRIES = {"USA", "CHN", "IND", "RUS", "CAN", "AUS", "BRA", "MEX", "DEU", "FRA", "GBR", "ESP", "ITA",
                    "JPN", "IDN", "PAK", "NGA", "IRQ", "SYR", "AFG", "UKR", "ISR", "PSE", "IRN", "TUR", "ZAF"}


def places(country_names):
    seen, rows = set(), []
    for block in countryinfo_blocks():
        code = re.search(r"<CountryCode>\s*(\w+)", block)
        tags = ("MajorCities", "Regions") if code and code.group(1) in REGION_COUNTRIES else ("MajorCities",)
        for tag in tags:
            m = re.search(f"<{tag}>(.*?)</{tag}>", block, re.S)
            if not m:
                continue
            for line in m.group(1).split("\n"):
                raw = line.split("#")[0].strip().strip("_")
                if not raw or raw in STOP or not raw.replace("_", "").replace("-", "").replace(".", "").isalpha():
                    continue
                if "STATE" in raw or "LAND_OF" in raw or raw.count("_") > 3 or not raw.isascii():
                    continue
                name = title(raw)
                if name.lower() in seen or name in country_names:
                    continue
                seen.add(name.lower())
                rows.append(name)
    for name in EXTRA_PLACES:
        if name.lower() not in seen and name not in country_names:
            seen.add(name.lower())
            rows.append(name)
    return rows


def phoenix_orgs(path, keep_code):
    """Phoenix entries as (code, names): one entry is one actor."""
    out = []
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        codes = [c["code"] for c in r["codes"] if c["code"]]
        if codes and keep_code(codes[0]):
            out.append((codes[0], [r["name"]] + r["synonyms"]))
    return out


def initials(name):
    return "".join(w[0] for w in name.split() if w.lower() not in SMALL and w[:1].isalpha()).upper()


def org_rows(entries, extra):
    rows, seen = [["", list(names)] for names in extra], {n.lower() for names in extra for n in names}
    for code, names in entries:
        good = []
        for raw in names:
            raw = clean(raw)
            if raw.startswith("THE "):
                raw = raw[4:]
            words = raw.split()
            if not words or not raw.isascii() or len(words) > 7 or raw in STOP:
                continue
            if ROLE_WORDS & set(words) or (code.startswith("MNC") and (len(words) > 1 or len(raw) < 4)):
                continue
            if is_acronym(raw) or len(words) == 1 or any(w.strip("()") in ORG_WORDS for w in words):
                # "ISLAMIC ARMY OF ADEN (IAA)": the parenthesised acronym is an alias.
                m = re.match(r"^(.*?)\s*\(([A-Z.\-]+)\)$", raw)
                parts = [m.group(1), m.group(2)] if m else [raw]
                for p in parts:
                    name = p if is_acronym(p) else title(p)
                    short = is_acronym(p) and len(p.replace(".", "")) <= 2 and p not in ("UN", "EU", "AU", "U.N.")
                    if name.lower() not in seen and re.search("[A-Za-z]{2}", name) and not short and "(" not in name and ")" not in name:
                        good.append(name)
                        seen.add(name.lower())
        if good:
            rows.append([code, good])
    # An acronym listed on its own ("UN") joins the full name of the same code it abbreviates.
    merged = []
    for code, good in rows:
        if len(good) == 1 and is_acronym(good[0]):
            target = next((r for r in rows if r[0] == code and r[1] is not good
                           and any(initials(n) == good[0].replace(".", "") for n in r[1])), None)
            if target:
                target[1].append(good[0])
                continue
        merged.append((code, good))
    out = []
    for code, good in merged:
        full = [g for g in good if not is_acronym(g)]
        canon = full[0] if full else good[0]
        out.append((canon, [g for g in good if g != canon]))
    return out


def milnonstate():
    groups, current = {}, None
    for line in open(os.path.join(SRC, "petrarch2_dictionaries", "Phoenix.MilNonState.actors.txt"), encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("+"):
            if current:
                groups[current].append(line[1:])
            continue
        m = re.match(r"^(\S+)\s*\[([A-Z]+)", line)
        if m:
            current = m.group(1)
            groups[current] = [m.group(1)]
    return [("GRP", names) for names in groups.values()]


# Hand-added rows, kept whatever their aliases.
EXTRA_ROWS = [(names[0], names[1:]) for names in EXTRA_GROUPS]


def write(path, head, rows):
    with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
        f.write(head)
        for name, aliases in rows:
            f.write(f"{name}\t{'|'.join(aliases)}\t\n")


def main():
    countries = set()
    for line in open(os.path.join(ROOT, "data", "countries.tsv"), encoding="utf-8"):
        if not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            countries.update(a.lstrip("!") for col in f[1:] for a in col.split("|") if a)
    write("data/places.tsv", header("Major cities and regions", "CountryInfo (openeventdata/CountryInfo, commit 07c9c54) "
          "<MajorCities> and <Regions> (regions of REGION_COUNTRIES only), plus hand-added regions (EXTRA_PLACES in the script)", "CC BY-SA 3.0 (share-alike of its source)"),
          [(p, []) for p in places(countries)])
    intl = phoenix_orgs(os.path.join(SRC, "phoenix_international_actors.parsed.jsonl"),
                        lambda c: c.startswith(("IGO", "MED")))
    write("data/organizations.tsv", header("International organisations and media",
          "Phoenix.International.actors.txt (openeventdata/petrarch2, commit 676801c), IGO and MED entries, after hand-added well-known bodies (EXTRA_ORGS)", "MIT, Copyright (c) 2014 Open Event Data Alliance"),
          [r for r in org_rows(intl, [e for e in EXTRA_ORGS if e[0] != "Kremlin"]) if r[0] not in countries])
    write("data/groups.tsv", header("Armed and non-state groups",
          "Phoenix.MilNonState.actors.txt (openeventdata/petrarch2, commit 676801c; from START TOPS), entries with an alias, after hand-added well-known groups (EXTRA_GROUPS)", "MIT, Copyright (c) 2014 Open Event Data Alliance"),
          [r for r in org_rows(milnonstate(), EXTRA_GROUPS) if r[0] not in countries and (r[1] or r in EXTRA_ROWS)])


if __name__ == "__main__":
    main()
