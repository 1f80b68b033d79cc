#!/usr/bin/env python3
"""Scores ergraph's typed edges against relation annotations of a JSONL gold file (re3d style).

Usage: scripts/eval-relations.py GOLD.jsonl OUTDIR   (OUTDIR from `ergraph build GOLD.jsonl -o OUTDIR`)

A gold relation (head, tail, type) is found when an edge of the mapped kind joins the
entities whose mentions overlap the gold head and tail spans in that document (either
direction for undirected kinds). An edge is correct when some gold relation of its kind
joins its ends in a document of its evidence. Standard library only.
"""
import csv
import json
import sys
from collections import defaultdict

MAP = {
    "CommWith": "meets",
    "AlliesOf": "supports", "Likes": "supports",
    "FightingAgainst": "opposes", "Dislikes": "opposes",
    "BelongsTo": "affiliated_with", "InChargeOf": "affiliated_with",
    "IsLocatedIn": "located_in", "CoLocated": "located_in",
}
UNDIRECTED = {"meets", "linked_to"}


def main():
    gold_path, out = sys.argv[1], sys.argv[2]
    mentions = defaultdict(list)  # doc -> [(start, end, entity)]
    for r in csv.DictReader(open(f"{out}/mentions.csv", encoding="utf-8")):
        mentions[r["doc"]].append((int(r["start"]), int(r["end"]), r["entity"]))

    def entities_at(doc, s, e):
        return {ent for (a, b, ent) in mentions[doc] if a < e and s < b}

    gold = defaultdict(set)  # kind -> {(doc, src_entity, tgt_entity)}
    total = defaultdict(int)
    for line in open(gold_path, encoding="utf-8"):
        d = json.loads(line)
        for rel in d.get("relations", []):
            kind = MAP.get(rel["type"])
            if not kind:
                continue
            h, t = d["entities"][rel["head"]], d["entities"][rel["tail"]]
            total[kind] += 1
            for a in entities_at(d["id"], h["start"], h["end"]):
                for b in entities_at(d["id"], t["start"], t["end"]):
                    gold[kind].add((d["id"], a, b, rel["head"], rel["tail"]))
    found = defaultdict(set)
    predicted = defaultdict(int)
    correct = defaultdict(int)
    edges = defaultdict(set)
    for r in csv.DictReader(open(f"{out}/evidence.csv", encoding="utf-8")):
        if r["Kind"] == "co-mention":
            continue
        edges[(r["Source"], r["Target"], r["Kind"])].add(r["doc"])
    for (s, t, kind), docs in edges.items():
        predicted[kind] += 1
        ok = False
        for (doc, a, b, h, tl) in gold.get(kind, ()):
            if doc in docs and ((a, b) == (s, t) or (kind in UNDIRECTED and (b, a) == (s, t))):
                ok = True
                found[kind].add((doc, h, tl))
        correct[kind] += ok
    print(f"{'kind':16s} {'pred':>5s} {'right':>5s} {'P':>6s} {'gold':>5s} {'found':>5s} {'R':>6s}")
    for kind in sorted(set(total) | set(predicted)):
        p = correct[kind] / predicted[kind] if predicted[kind] else 0.0
        r = len(found[kind]) / total[kind] if total[kind] else 0.0
        print(f"{kind:16s} {predicted[kind]:5d} {correct[kind]:5d} {p:6.2f} {total[kind]:5d} {len(found[kind]):5d} {r:6.2f}")


if __name__ == "__main__":
    main()
