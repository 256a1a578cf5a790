#!/usr/bin/env bash
# Writes every output format of a sitrep binary over the bundled examples and a
# corpus into DIR, so two builds can be compared with `diff -r`.
# usage: scripts/outputs-snapshot.sh SITREP_BIN CORPUS.jsonl DIR [DATE]
# DATE (YYYY-MM-DD) is passed as --date for the corpus, whose articles carry no
# publish date: with it, relative times resolve and events get clause dates.
set -euo pipefail
bin=$1 corpus=$2 dir=$3
date=(${4:+--date "$4"})
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$dir"
ex=("$root/examples/aleppo-2016-12-12.txt" "$root/examples/news")
"$bin" code "${ex[@]}" > "$dir/examples.events.jsonl" 2>/dev/null
"$bin" segment --format jsonl "${ex[@]}" > "$dir/examples.segment.jsonl" 2>/dev/null
"$bin" demo --out "$dir/demo" "${ex[@]}" > /dev/null 2>&1
"$bin" code "${date[@]}" "$corpus" > "$dir/corpus.events.jsonl" 2>"$dir/corpus.events.stderr"
"$bin" code "${date[@]}" --format tsv "$corpus" > "$dir/corpus.gdelt.tsv" 2>/dev/null
"$bin" code "${date[@]}" --format csv-acled "$corpus" > "$dir/corpus.acled.csv" 2>/dev/null
"$bin" code "${date[@]}" --format gdelt-mentions "$corpus" > "$dir/corpus.gdelt-mentions.tsv" 2>/dev/null
"$bin" code "${date[@]}" --no-places "$corpus" > "$dir/corpus.noplaces.jsonl" 2>/dev/null
"$bin" code "${date[@]}" --actors "$corpus" > "$dir/corpus.actors.jsonl" 2>/dev/null
"$bin" segment --format conllu "$corpus" > "$dir/corpus.conllu" 2>/dev/null
"$bin" segment --depth tag --format jsonl "$corpus" > "$dir/corpus.tag.jsonl" 2>/dev/null
