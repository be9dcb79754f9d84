#!/usr/bin/env python3
"""Splits the stance gold, the PLOVER, PolNeAR and alias dev sets (by row) and CoNLL dev (by
document) into two halves by parity (even: the half rules are tuned on; odd: the half that
confirms them) and scores each half and the whole with ../shared/eval/score.py, so a figure can
be reported on both.

    .venv-eval/bin/python scripts/halves.py [--cli target/release/article-lens] [stances|events|attribution|aliases|ner ...]

The split files go to target/halves/ (git-ignored); article texts stay in ../shared.
"""
import argparse, json, os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
OUT = os.path.join(ROOT, "target", "halves")


def split_gold():
    gold = json.load(open(os.path.join(SHARED, "gold", "stances-dev.json"), encoding="utf-8"))
    base = os.path.join(SHARED, "gold")
    for a in gold["articles"]:
        src = a["source"]
        if "file" in src:
            src["file"] = os.path.normpath(os.path.join(base, src["file"]))
        else:
            src["data"] = os.path.join(SHARED, "data", src["data"])
    paths = {}
    for half, rows in (("tune", gold["articles"][0::2]), ("check", gold["articles"][1::2])):
        p = os.path.join(OUT, f"stances-{half}.json")
        json.dump({"articles": rows}, open(p, "w", encoding="utf-8"), ensure_ascii=False)
        paths[half] = p
    return paths


def split_jsonl(name):
    rows = [l for l in open(os.path.join(SHARED, "data", name), encoding="utf-8") if l.strip()]
    paths = {}
    for half, part in (("tune", rows[0::2]), ("check", rows[1::2])):
        p = os.path.join(OUT, name.replace(".jsonl", f"-{half}.jsonl"))
        open(p, "w", encoding="utf-8").writelines(part)
        paths[half] = p
    return paths


def split_conll(name):
    text = open(os.path.join(SHARED, "data", name), encoding="utf-8").read()
    head, *docs = text.split("-DOCSTART-")
    paths = {}
    for half, part in (("tune", docs[0::2]), ("check", docs[1::2])):
        p = os.path.join(OUT, name.replace(".txt", f"-{half}.txt"))
        open(p, "w", encoding="utf-8").write(head + "".join("-DOCSTART-" + d for d in part))
        paths[half] = p
    return paths


def summary(args):
    out = subprocess.run([sys.executable, os.path.join(SHARED, "score.py"), *args], capture_output=True, text=True, cwd=ROOT)
    lines = [l for l in out.stdout.splitlines() if l.startswith("summary:")]
    return lines[-1] if lines else out.stderr.strip()[-300:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default="target/release/article-lens")
    ap.add_argument("--all", action="store_true", help="stances: judge every stance, also the unsure ones")
    ap.add_argument("sets", nargs="*", default=["stances", "events", "attribution"])
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    cli = ["--cli", a.cli]
    for s in a.sets:
        if s == "stances":
            g = split_gold()
            extra = ["--all"] if a.all else []
            for half in ("tune", "check"):
                print(f"stances {half}:", summary([*cli, "stances", "--gold", g[half], *extra]))
            print("stances whole:", summary([*cli, "stances", *extra]))
        else:
            name = {"events": "plover-dev.jsonl", "attribution": "polnear-dev.jsonl", "aliases": "aliases-dev.jsonl", "ner": "conll-dev.txt"}[s]
            d = split_conll(name) if name.endswith(".txt") else split_jsonl(name)
            for half in ("tune", "check"):
                print(f"{s} {half}:", summary([*cli, s, "--data", d[half]]))
            print(f"{s} whole:", summary([*cli, s, "--data", os.path.join(SHARED, "data", name)]))


if __name__ == "__main__":
    main()
