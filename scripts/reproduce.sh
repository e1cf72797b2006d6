#!/usr/bin/env bash
# Reproduce one results row offline: train CONFIG from scratch on ../shared/data/multi30k,
# evaluate Multi30k test2016, write scripts/results/<config-name>[-seedN].json.
#   bash scripts/reproduce.sh configs/multi30k_de_en.yaml [--seed 2] [--set key=value ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_DATASETS_OFFLINE=1 HF_HUB_OFFLINE=1
[ $# -ge 1 ] || { echo "usage: bash scripts/reproduce.sh CONFIG [--seed N] [--set KEY=VALUE ...]" >&2; exit 2; }
python scripts/reproduce.py "$@"
python scripts/results_table.py --write
