#!/usr/bin/env bash
# npm run eval:quotes — quote detection and speaker attribution on PolNeAR's TRAIN split.
#
#   bash scripts/eval/polnear.sh [--cli <path to bin/cis-lens.js>] [--limit N]
#
# 1. Extracts ONLY data/metadata.tsv, data/train/text and data/train/attributions from a git mirror of
#    networkdynamics/PolNeAR at the pinned commit into .eval/polnear/raw (PolNeAR's dev and test splits are
#    reserved for independent evaluation: they are never extracted, read or tuned on).
# 2. Converts them with polnear_train.py into .eval/polnear/train (<name>.txt + <name>.gold.json).
# 3. Runs `cis-lens check --format json` over the .txt files in batches and merges the batches into ONE
#    JSON document (.eval/polnear/pred.json; score_quotes.py reads pred["files"]).
# 4. Prints score_quotes.py's figures (also kept in .eval/polnear/score.json).
#
# Environment: POLNEAR_GIT  git dir of the PolNeAR mirror (default: first /work/.mirror/*networkdynamics+PolNeAR*,
#                           with /repo appended when that is where the git dir is)
#              EVAL_SHARED  folder holding polnear_train.py and score_quotes.py (default: <repo>/../shared/eval)
#              BATCH        files per CLI run (default 200)
#              EVAL_OUT     output folder (default <repo>/.eval/polnear; several worktrees can share .eval)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PIN=c3eee833c035bf7b8c84f55b58c0bf7346cfae76
CLI="$REPO/bin/cis-lens.js"
LIMIT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --cli) CLI="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "polnear.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

SHARED="${EVAL_SHARED:-$REPO/../shared/eval}"
for f in polnear_train.py score_quotes.py; do
  [ -f "$SHARED/$f" ] || { echo "polnear.sh: $SHARED/$f not found (set EVAL_SHARED)" >&2; exit 2; }
done
[ -f "$CLI" ] || { echo "polnear.sh: CLI $CLI not found (build first, or pass --cli)" >&2; exit 2; }

GIT_DIR_="${POLNEAR_GIT:-}"
if [ -z "$GIT_DIR_" ]; then
  for d in /work/.mirror/*networkdynamics+PolNeAR*; do [ -e "$d" ] && { GIT_DIR_="$d"; break; }; done
fi
[ -n "$GIT_DIR_" ] || { echo "polnear.sh: no PolNeAR mirror; set POLNEAR_GIT to a clone/mirror of networkdynamics/PolNeAR" >&2; exit 2; }
if ! git --git-dir="$GIT_DIR_" rev-parse --git-dir >/dev/null 2>&1; then
  if [ -d "$GIT_DIR_/repo" ]; then GIT_DIR_="$GIT_DIR_/repo"; elif [ -d "$GIT_DIR_/.git" ]; then GIT_DIR_="$GIT_DIR_/.git"; fi
fi
git --git-dir="$GIT_DIR_" cat-file -e "$PIN^{commit}" 2>/dev/null || { echo "polnear.sh: $GIT_DIR_ lacks commit $PIN" >&2; exit 2; }

OUT="${EVAL_OUT:-$REPO/.eval/polnear}"
RAW="$OUT/raw"; TRAIN="$OUT/train"; BATCHES="$OUT/batches"
rm -rf "$RAW" "$TRAIN" "$BATCHES"
mkdir -p "$RAW" "$TRAIN" "$BATCHES"

# Train split only — these three paths and nothing else. A partial mirror may lack blobs elsewhere in the
# tree; git archive names them ("error: invalid object … for 'data/dev/…'") while walking the tree, exits 0
# and extracts nothing from there, so those lines are dropped; any other message is shown.
git --git-dir="$GIT_DIR_" archive "$PIN" data/metadata.tsv data/train/text data/train/attributions \
  2> >(grep -Ev "^error: invalid object [0-9]+ [0-9a-f]+ for 'data/(dev|test|annotator-training|parc3-replication)/" >&2) \
  | tar -x -C "$RAW"
[ -z "$(find "$RAW/data" -mindepth 1 -maxdepth 1 ! -name train ! -name metadata.tsv)" ] || { echo "polnear.sh: unexpected paths extracted" >&2; exit 1; }
python3 "$SHARED/polnear_train.py" "$RAW" "$TRAIN"

mapfile -t FILES < <(find "$TRAIN" -maxdepth 1 -name '*.txt' | LC_ALL=C sort)
[ "$LIMIT" -gt 0 ] 2>/dev/null && FILES=("${FILES[@]:0:$LIMIT}")
echo "polnear: ${#FILES[@]} train articles; running $CLI"
BATCH="${BATCH:-200}"
t0=$(date +%s.%N)
n=0
for ((i = 0; i < ${#FILES[@]}; i += BATCH)); do
  rc=0
  node "$CLI" check --format json --no-color "${FILES[@]:i:BATCH}" > "$BATCHES/$(printf '%05d' "$n").json" || rc=$?
  # 0: clean, 1: error-level findings (still a full report); anything else is a failure.
  [ "$rc" -le 1 ] || { echo "polnear.sh: cis-lens exited $rc on batch $n" >&2; exit "$rc"; }
  n=$((n + 1))
done
t1=$(date +%s.%N)

python3 - "$BATCHES" "$OUT/pred.json" <<'PY'
import json, os, sys
d, out = sys.argv[1], sys.argv[2]
merged = {"files": [], "errors": []}
for name in sorted(os.listdir(d)):
    doc = json.load(open(os.path.join(d, name), encoding="utf-8"))
    merged.setdefault("tool", doc.get("tool"))
    merged["files"] += doc.get("files", [])
    merged["errors"] += doc.get("errors", [])
json.dump(merged, open(out, "w", encoding="utf-8"))
if merged["errors"]:
    print(f"polnear: {len(merged['errors'])} CLI errors, first: {merged['errors'][0]}", file=sys.stderr)
PY
rm -rf "$BATCHES"

python3 "$SHARED/score_quotes.py" "$OUT/pred.json" "$TRAIN" --json > "$OUT/score.json"
python3 "$SHARED/score_quotes.py" "$OUT/pred.json" "$TRAIN"
awk -v a="$t0" -v b="$t1" -v n="${#FILES[@]}" 'BEGIN { printf "polnear: CLI time %.1f s for %d articles (%.1f ms/article)\n", b - a, n, 1000 * (b - a) / n }'
