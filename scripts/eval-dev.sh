#!/usr/bin/env bash
# Scores ergraph's mentions on the annotated dev sets and prints one table.
# Usage: scripts/eval-dev.sh [DEV_DIR] [SCORER]
#   DEV_DIR defaults to ../shared/eval/dev, SCORER to ../shared/eval/score.py
#   (they sit beside the repository; they are others' data and are never copied in).
set -euo pipefail
cd "$(dirname "$0")/.."
dev=${1:-../shared/eval/dev}
scorer=${2:-../shared/eval/score.py}
if [ ! -d "$dev" ] || [ ! -f "$scorer" ]; then
  echo "eval-dev: no dev sets at $dev or no scorer at $scorer" >&2
  exit 2
fi
cargo build --release --quiet
bin=target/release/ergraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-22s %6s %6s %6s %6s %8s\n' set PER ORG LOC micro overlap
for f in "$dev"/*.jsonl; do
  name=$(basename "$f" .jsonl)
  "$bin" build "$f" -o "$tmp/$name" --quiet || true
  line=$(python3 "$scorer" spans --gold "$f" --out "$tmp/$name" | tail -n 1)
  # "<set>: span F1 PER 0.1 ORG 0.2 LOC 0.3 micro 0.4; overlap micro 0.5"
  read -r per org loc micro overlap < <(echo "$line" | sed -E 's/.*PER ([0-9.]+) ORG ([0-9.]+) LOC ([0-9.]+) micro ([0-9.]+); overlap micro ([0-9.]+).*/\1 \2 \3 \4 \5/')
  printf '%-22s %6s %6s %6s %6s %8s\n' "$name" "$per" "$org" "$loc" "$micro" "$overlap"
done
