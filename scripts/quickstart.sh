#!/usr/bin/env bash
# From a fresh clone to a trained Multi30k de→en model and its test BLEU:
# a venv, torch 2.13.0 (CPU) then nmt, train configs/multi30k_de_en.yaml (3000
# steps: 29 min on 2 cores of an Intel Xeon VM, docs/results.md), translate
# a few test lines from stdin, evaluate test2016.
#   bash scripts/quickstart.sh            # reads ../shared/data/multi30k (offline)
#   DATASET=bentrevett/multi30k bash scripts/quickstart.sh   # from the hub, when online
set -euo pipefail
cd "$(dirname "$0")/.."
DATASET=${DATASET:-../shared/data/multi30k}
if [ "$DATASET" = "../shared/data/multi30k" ]; then export HF_DATASETS_OFFLINE=1 HF_HUB_OFFLINE=1; fi

[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q torch==2.13.0
python -m pip install -q -e .

nmt train configs/multi30k_de_en.yaml --out runs/quickstart --overwrite --set "data.dataset=$DATASET"
echo "--- translating three test sentences from stdin"
printf '%s\n' "Ein Mann mit einem orangefarbenen Hut, der etwas anstarrt." \
              "Ein Boston Terrier läuft über saftig-grünes Gras vor einem weißen Zaun." \
              "Ein Mädchen in einem Karateanzug bricht einen Stock mit einem Tritt." \
  | nmt translate -m runs/quickstart/best.pt
echo "--- scoring Multi30k test2016"
nmt evaluate -m runs/quickstart/best.pt --split test --dataset "$DATASET"
