#!/usr/bin/env python3
"""Lists the faults among the most-mentioned nodes of an ergraph output folder.

Usage: scripts/check_top_nodes.py OUT_DIR [--top 300] [--max 6] [--quiet]

Reads OUT_DIR/nodes.csv and lists, among the --top nodes with most mentions, every node
that is (a node with several faults counts once):
  junk        a pronoun, contraction, function word, interjection, lone letter or lone
              adjective (a demonym, a party or direction word) as a whole label
  furniture   a label with a photo credit, page furniture or mojibake in it
  repeated    a label repeating one of its words ("Rick Perry Perry")
  prefixed    a label starting with a lowercase word (not a name particle glued by a
              hyphen, such as al-), or a person's label starting with a title or party
              word ("Sen.", "Republican")
  surname     a one-word person node whose word ends a longer person node's label
  long        a label of five words or more (an organization's official name joined by
              lowercase words, "Department of Health and Human Services", is allowed)
  shared      a label that another node also has, compared without case, punctuation,
              a leading "The" or middle initials ("Donald J. Trump" = "Donald Trump")
  other       a node of type other
Exits 1 when more than --max nodes are listed. Python standard library only.
"""

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict

PRONOUNS = """i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs themselves
this that these those who whom whose which what there here one someone everyone anyone
nobody everybody somebody something nothing everything all both each either neither""".split()
FUNCTION = """a an the and or but nor if then so yet of in on at by for to from with as
no not yes oh ah well okay ok hey wow please thanks thank mr mrs ms dr sir madam
monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday
january february march april may june july august september october november december
will would can could should shall must might let""".split()
ADJECTIVES = """republican republicans democratic democrat democrats conservative liberal
progressive libertarian congressional presidential federal national international
western eastern northern southern west east north south central african-american
american british french german russian chinese iranian syrian israeli mexican
european african asian arab muslim christian jewish catholic islamic
dem dems""".split()
TITLES = """president vice sen sens senator senators rep reps representative gov governor
secretary minister prime chancellor general gen lt col maj sgt adm admiral cmdr capt
dr mr mrs ms miss judge justice justices chief chairman chairwoman chair leader mayor
speaker ambassador attorney ag commissioner director officer spokesman spokeswoman
professor prof rev reverend coach republican democrat democratic gop house senate team
former late u.s. us""".split()
PARTICLES_HYPHEN = re.compile(r"^(al|el|ad|as|an|ash|at|az|bin|ibn)-\w", re.IGNORECASE)
FURNITURE = re.compile(
    r"\b(getty|images?|photos?|photograph|credit|caption|video|videos|replay|sign up|email|"
    r"subscribe|newsletter|advertisement|enlarge|click|read more|continue|share|tweet|"
    r"loading|copyright|all rights reserved|ap photo|afp photo|reuters/)\b",
    re.IGNORECASE,
)
MOJIBAKE = re.compile("[\u00c2\u00c3\ufffd]|\u00e2\u20ac|\u00e2\u0080")
CONNECTORS = {"of", "for", "and", "the", "on", "in", "to", "de", "du", "des", "la", "le"}


def words(label):
    return [w for w in re.split(r"\s+", label.strip()) if w]


def bare(word):
    """A word in lowercase without its surrounding punctuation; curly apostrophes made straight."""
    word = word.replace("\u2019", "'").lower()
    return word.strip(".,;:!?\"()[]{}'")


def is_junk(label):
    ws = [bare(w) for w in words(label)]
    ws = [w for w in ws if w]
    if not ws:
        return True
    letters = [c for c in label if c.isalnum()]
    if len(letters) <= 1:
        return True
    contraction = re.compile(r"^[a-z]+'(s|re|ve|ll|d|m|t)$")
    if all(w in PRONOUNS or w in FUNCTION or contraction.match(w) for w in ws):
        return True
    return len(ws) == 1 and ws[0] in ADJECTIVES


def is_furniture(label):
    return bool(FURNITURE.search(label) or MOJIBAKE.search(label))


def is_repeated(label):
    ws = [bare(w) for w in words(label)]
    ws = [w for w in ws if len(w) > 1 and w not in CONNECTORS]
    return len(ws) != len(set(ws))


def is_prefixed(label, kind):
    ws = words(label)
    if not ws:
        return False
    first = ws[0]
    if first[0].islower():
        if PARTICLES_HYPHEN.match(first):
            return False
        # brand spellings such as iPhone or eBay: a lowercase letter, then a capital
        return not (len(first) > 1 and first[1].isupper())
    # organizations are named with such words ("Republican Party", "Justice Department")
    return kind == "person" and len(ws) > 1 and bare(first) in TITLES


def is_long(label, kind):
    ws = words(label)
    if len(ws) < 5:
        return False
    if kind == "organization" and any(bare(w) in CONNECTORS for w in ws[1:-1]):
        return False
    return True


def shared_key(label):
    text = unicodedata.normalize("NFKD", label)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[\u2019'`.,\"()]", "", text)
    text = re.sub(r"[-\s]+", " ", text).strip()
    ws = text.split(" ")
    if ws and ws[0] == "the" and len(ws) > 1:
        ws = ws[1:]
    if len(ws) > 2:
        ws = [ws[0]] + [w for w in ws[1:-1] if len(w) > 1] + [ws[-1]]
    return " ".join(ws)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--top", type=int, default=300)
    ap.add_argument("--max", type=int, default=6)
    ap.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = ap.parse_args()

    with open(f"{args.out}/nodes.csv", newline="", encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    for n in nodes:
        n["mentions"] = int(n["mentions"])
    nodes.sort(key=lambda n: (-n["mentions"], n["Id"]))
    top = nodes[: args.top]

    by_key = defaultdict(list)
    for n in nodes:
        by_key[shared_key(n["Label"])].append(n)
    surnames = defaultdict(int)
    for n in nodes:
        ws = words(n["Label"])
        if n["entity_type"] == "person" and len(ws) >= 2 and n["mentions"] >= 10:
            surnames[bare(ws[-1])] += 1

    faults = defaultdict(list)
    for n in top:
        label, kind = n["Label"], n["entity_type"]
        ws = words(label)
        checks = {
            "junk": is_junk(label),
            "furniture": is_furniture(label),
            "repeated": is_repeated(label),
            "prefixed": is_prefixed(label, kind),
            "surname": kind == "person" and len(ws) == 1 and surnames.get(bare(label), 0) > 0,
            "long": is_long(label, kind),
            "shared": len(by_key[shared_key(label)]) > 1,
            "other": kind == "other",
        }
        for name, hit in checks.items():
            if hit:
                faults[n["Id"]].append(name)

    listed = [n for n in top if n["Id"] in faults]
    if not args.quiet:
        for n in listed:
            note = ""
            if "shared" in faults[n["Id"]]:
                others = [m["Label"] + " (" + m["entity_type"] + ")" for m in by_key[shared_key(n["Label"])] if m is not n]
                note = "  ~ " + "; ".join(others[:3])
            print(f"{n['mentions']:>7}  {n['entity_type']:<12} {n['Label']!r:<40} {','.join(faults[n['Id']])}{note}")
    counts = defaultdict(int)
    for names in faults.values():
        for name in names:
            counts[name] += 1
    summary = ", ".join(f"{k} {counts[k]}" for k in
                        ["junk", "furniture", "repeated", "prefixed", "surname", "long", "shared", "other"])
    print(f"check_top_nodes: {len(listed)} of the top {len(top)} nodes listed (at most {args.max}): {summary}")
    return 1 if len(listed) > args.max else 0


if __name__ == "__main__":
    sys.exit(main())
