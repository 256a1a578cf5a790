#!/usr/bin/env bash
# Runs every evaluation a refactor must leave unchanged and prints their
# figures, so two builds can be compared with `diff`.
# usage: scripts/evals-snapshot.sh SITREP_BIN SHARED_DIR > figures.txt
set -euo pipefail
bin=$1 s=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
# Timings vary from run to run: blank them out.
run() { echo "## $*"; "$bin" "$@" 2>&1 | sed -E 's/[0-9]+(\.[0-9]+)? ?(s|ms|µs)\b/<time>/g' | grep -v 'docs/s' || true; }
run eval segment --treebank "$s"/data/treebanks/gum/GUM_news_*.conllu
run eval parser --treebank "$s/data/treebanks/ewt/en_ewt-ud-test.conllu"
run eval parser --treebank "$s/eval/treebanks/en_pud-ud-test.conllu"
run eval petrarch --records "$s/eval/petrarch/PETR.UnitTest.records.xml" --dicts "$s/eval/petrarch"
run eval plover --records "$s/eval/plover/PLOVER_GSR_CAMEO.txt"
run eval geo --corpus "$s/eval/geoparsing/lgl.xml"
run eval geo --corpus "$s/eval/geoparsing/GWN.xml"
for f in "$root"/crates/*/tests/fixtures/time*.tsv; do
    echo "# $(basename "$f")"
    run eval time --fixtures "$f"
done
true
