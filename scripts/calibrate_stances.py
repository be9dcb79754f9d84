#!/usr/bin/env python3
"""Fits the stance confidence (src/stances/confidence.rs) on the stance gold and writes its weights
to data/stance_confidence.tsv.

Each stance the CLI reports on the gold's articles (`analyze --jsonl --stance-features`) is judged
as `score.py stances` judges it (right, or wrong for a reason); a logistic regression with an L2
penalty is fitted on the tuning half (even rows of the gold) from the stances' features, and the
precision and key recall at a few thresholds are printed for both halves, so the threshold can be
chosen on one half and confirmed on the other.

    .venv-eval/bin/python scripts/calibrate_stances.py [--cli target/release/article-lens] [--write] [--l2 1.0]
"""
import argparse, importlib.util, json, math, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.normpath(os.path.join(ROOT, "..", "shared", "eval"))
spec = importlib.util.spec_from_file_location("score", os.path.join(EVAL, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)

OUT = os.path.join(ROOT, "data", "stance_confidence.tsv")
HEADER = """# Weights of the stance confidence (src/stances/confidence.rs): feature<TAB>weight; a stance's confidence is the
# logistic of the summed weights of its features. Fitted by scripts/calibrate_stances.py (logistic regression,
# L2 {l2}) on the stances the CLI reported on the tuning half of ../shared/eval/gold/stances-dev.json (its even
# rows: {n} stances, {right} judged right as score.py stances judges them); left out: {drop}. Licence: MIT.
"""


def reports(cli, docs):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
        path = f.name
    out = subprocess.run([cli, "analyze", "--jsonl", "--stance-features", path], capture_output=True, text=True)
    os.unlink(path)
    if out.returncode:
        sys.exit(out.stderr)
    return {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}


def judged(article, text, rep):
    """(features, right, gold index found or None) for each stance of the annotated region, and the key indices."""
    end = len(text)
    if article.get("until"):
        i = text.find(article["until"])
        end = i + len(article["until"]) if i >= 0 else len(text)
    ix = score.utf16_to_index(text)
    gold = [(text.find(g["evidence"]), g) for g in article["stances"]]
    gold = [(a, a + len(g["evidence"]), g) for a, g in gold]
    pmap = score.map_pred_actors(rep.get("actors", []), article["actors"], text)
    rows = []
    for p in rep.get("stances", []):
        es, ee = ix(p["evidence"]["start"]), ix(p["evidence"]["end"])
        verb = p.get("verb") or ""
        k = text.find(verb, es, ee) if verb else -1
        at = k if k >= 0 else es
        if at >= end:
            continue
        holder = pmap.get(p.get("actor"))
        target = pmap.get(p.get("target")) if p.get("target") else None
        cls = ("!" if p.get("negated") else "") + p.get("class", "")
        ok, found = False, None
        for j, (gs, ge, g) in enumerate(gold):
            if not gs <= at < ge or holder not in g["actor"] or cls not in g["accept"]:
                continue
            if p.get("target") and (g["target"] is None or target not in g["target"]):
                continue
            ok = True
            if g["target"] is None or target in g["target"]:
                found = j
            break
        rows.append((p.get("features", []), ok, found, p.get("confidence", 1.0)))
    keys = {j for j, (_, _, g) in enumerate(gold) if g["level"] == "key"}
    return rows, keys


def fit(rows, names, l2, steps=3000, lr=0.1):
    w = {n: 0.0 for n in names}
    for _ in range(steps):
        grad = {n: 0.0 for n in names}
        for feats, y in rows:
            z = sum(w[f] for f in feats if f in w)
            p = 1 / (1 + math.exp(-z))
            for f in feats:
                if f in grad:
                    grad[f] += p - y
        for n in names:
            reg = 0.0 if n == "bias" else l2 * w[n]
            w[n] -= lr * (grad[n] + reg) / len(rows)
    return w


def table(halves, conf, thresholds):
    for name, arts in halves:
        line = []
        for t in thresholds:
            shown = right = 0
            found, keys = set(), 0
            for a, (rows, key) in enumerate(arts):
                keys += len(key)
                for feats, ok, j, c0 in rows:
                    if conf(feats, c0) >= t:
                        shown += 1
                        right += ok
                        if j is not None and j in key:
                            found.add((a, j))
            line.append(f"{t:.2f}: P {right / shown if shown else 0:.3f} KR {len(found) / keys:.3f} ({shown})")
        print(f"{name:6}", " | ".join(line))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "target", "release", "article-lens"))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true", help="write the weights to data/stance_confidence.tsv")
    ap.add_argument("--thresholds", default="0,0.5,0.6,0.65,0.7,0.75,0.8", help="the thresholds to print (comma-separated)")
    ap.add_argument("--drop", default="actor:person,actor:country,actor:organization,actor:group,target,class:use_force,class:intend",
                    help="features left out of the fit (comma-separated): few examples, no reason a reader would give "
                         "(a place as holder is kept: places seldom speak or act)")
    a = ap.parse_args()
    gold = json.load(open(os.path.join(EVAL, "gold", "stances-dev.json"), encoding="utf-8"))
    base = os.path.join(EVAL, "gold")
    docs = [(g["name"], score.gold_text(g, base)) for g in gold["articles"]]
    reps = reports(a.cli, docs)
    judged_all = [judged(g, text, reps[name]) for g, (name, text) in zip(gold["articles"], docs)]
    tune, check = judged_all[0::2], judged_all[1::2]
    rows = [(feats, 1.0 if ok else 0.0) for rs, _ in tune for feats, ok, _, _ in rs]
    drop = set(filter(None, a.drop.split(",")))
    rows = [([f for f in feats if f not in drop], y) for feats, y in rows]
    names = sorted({f for feats, _ in rows for f in feats})
    w = fit(rows, names, a.l2)
    conf = lambda feats, _: 1 / (1 + math.exp(-sum(w.get(f, 0.0) for f in feats)))
    thresholds = [float(t) for t in a.thresholds.split(",")]
    print("as reported (the CLI's own confidence):")
    table([("tune", tune), ("check", check), ("whole", judged_all)], lambda f, c0: c0, thresholds)
    print(f"refitted (L2 {a.l2}):")
    table([("tune", tune), ("check", check), ("whole", judged_all)], conf, thresholds)
    for n in sorted(w, key=lambda n: -abs(w[n])):
        print(f"  {n:28} {w[n]:+.3f}")
    if a.write:
        with open(OUT, "w", encoding="utf-8") as f:
            f.write(HEADER.format(l2=a.l2, n=len(rows), right=int(sum(y for _, y in rows)), drop=", ".join(sorted(drop)) or "none"))
            for n in sorted(w):
                f.write(f"{n}\t{w[n]:.3f}\n")
        print("wrote", OUT)


if __name__ == "__main__":
    main()
