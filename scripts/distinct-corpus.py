#!/usr/bin/env python3
"""Builds a corpus of distinct articles (JSON Lines, sitrep's input format) from
the texts under ../shared, for before/after output diffs and whole-pipeline
benchmarks. Nothing is repeated: every article is a different text.

Sources, in order: LGL and GeoWebNews article texts (local and international
news), GUM documents cut into four-paragraph articles, and UD EWT/PUD documents rebuilt from their `# text`
lines (PUD's single-sentence documents are grouped three to an article).

usage: scripts/distinct-corpus.py SHARED_DIR [COUNT] > corpus.jsonl
"""
import json
import re
import sys
from pathlib import Path


def xml_articles(path):
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"<text><!\[CDATA\[(.*?)\]\]></text>", text, re.S):
        yield m.group(1)
    for m in re.finditer(r"<text>([^<]*)</text>", text):
        yield m.group(1)


def conllu_docs(path, group=1):
    """Documents of a CoNLL-U file as text, paragraphs separated by blank lines."""
    docs, paras, cur = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc"):
            if cur:
                paras.append(" ".join(cur))
            if paras:
                docs.append("\n\n".join(paras))
            paras, cur = [], []
        elif line.startswith("# newpar"):
            if cur:
                paras.append(" ".join(cur))
            cur = []
        elif line.startswith("# text = "):
            cur.append(line[len("# text = "):])
    if cur:
        paras.append(" ".join(cur))
    if paras:
        docs.append("\n\n".join(paras))
    if group > 1:
        docs = ["\n\n".join(docs[i:i + group]) for i in range(0, len(docs), group)]
    return docs


def main():
    shared = Path(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    texts = []
    for name in ["eval/geoparsing/lgl.xml", "eval/geoparsing/GWN.xml"]:
        p = shared / name
        if p.exists():
            texts += list(xml_articles(p))
    for p in sorted((shared / "data/treebanks/gum").glob("*.conllu")):
        # GUM documents are long: each run of four paragraphs is an article.
        for doc in conllu_docs(p):
            paras = doc.split("\n\n")
            texts += ["\n\n".join(paras[i:i + 4]) for i in range(0, len(paras), 4)]
    for p in sorted((shared / "data/treebanks/ewt").glob("*.conllu")):
        texts += conllu_docs(p)
    pud = shared / "eval/treebanks/en_pud-ud-test.conllu"
    if pud.exists():
        texts += conllu_docs(pud, group=3)
    seen, n = set(), 0
    for t in texts:
        t = t.strip()
        if not t or t in seen:
            continue
        seen.add(t)
        n += 1
        print(json.dumps({"id": f"d{n:05}", "text": t}, ensure_ascii=False))
        if n == count:
            break
    if n < count:
        sys.exit(f"only {n} distinct articles found")


main()
