#!/usr/bin/env python3
"""Rebuilds sentences.tsv from the GUM treebank's Wikinews documents.

Usage: build-sentences.py ../shared/data/treebanks/gum > sentences.tsv

Every sentence of each listed document is written, in order, with its
paragraph number (GUM's `# newpar` marks), so the scorer can rebuild the
document; the date line (second sentence of a Wikinews article) is context
only (scored = 0). The document date is the date line's date, else (an
interview with no date line) GUM's `# meta::dateCreated`.
"""
import re
import sys
from datetime import datetime
from pathlib import Path

DOCS = [
    "news_korea", "news_asylum", "news_crane", "news_stampede", "news_hackers",
    "news_defector", "news_imprisoned", "news_worship", "news_taxes",
    "news_questionnaire", "news_homeopathic", "news_flag", "news_election",
    "news_sensitive", "interview_chomsky", "interview_peres",
]
DATE = re.compile(r"^[A-Z][a-z]+day, ([A-Z][a-z]+ \d{1,2}, \d{4})$")


def main(gum: Path) -> None:
    print("sentence\tdoc\tparagraph\tscored\tdate\ttext")
    for name in DOCS:
        rows, par, date, created = [], 0, None, None
        sid = None
        for line in (gum / f"GUM_{name}.conllu").read_text(encoding="utf-8").splitlines():
            if line.startswith("# meta::dateCreated = "):
                created = line.split("= ", 1)[1].strip()
            elif line.startswith("# newpar"):
                if not line.startswith("# newpar_block"):
                    par += 1
            elif line.startswith("# sent_id = "):
                sid = line.split("= ", 1)[1].replace("GUM_", "")
            elif line.startswith("# text = "):
                text = line.split("= ", 1)[1]
                m = DATE.match(text)
                if m and date is None:
                    date = datetime.strptime(m.group(1), "%B %d, %Y").date().isoformat()
                rows.append((sid, par, 0 if m else 1, text))
        date = date or created
        for sid, par, scored, text in rows:
            print(f"{sid}\tGUM_{name}\t{par}\t{scored}\t{date}\t{text}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
