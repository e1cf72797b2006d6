#!/usr/bin/env bash
# The prepared run on a lent GPU machine (../shared/GPU.md): the figures docs/gpu.md quotes,
# in one command, each result written under $OUT as soon as it exists (a run cut short
# still brings back what it finished). From the checkout's root on the GPU machine:
#   source .gpu/remote.sh && NMT_GIT_COMMIT=<hash> NMT_GIT_DIRTY=0 bash scripts/gpu_check.sh [train-only]
# (the checkout travels without .git, hence the commit in the environment). The translation
# comparison needs runs/multi30k_de_en/best.pt carried along. `train-only` runs step 4 alone,
# with the overrides in $TRAIN_SETS (e.g. "train.warmup_steps=50").
set -uo pipefail
OUT=${OUT:-/tmp/gpu_out}
mkdir -p "$OUT/results"
stamp() { echo "[$(date +%T)] $*" | tee -a "$OUT/steps.txt"; }
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
nproc > "$OUT/nproc.txt"
only=${1:-all}

if [ "$only" = all ]; then
  stamp "1/5 training throughput sweep: batch size, precision, TF32"
  python3 scripts/bench_train.py configs/multi30k_de_en.yaml --set train.device=cuda --windows 3 --steps 15 \
    --variant "" --variant "train.amp=bf16" --variant "train.tf32=false" \
    --variant "train.batch_tokens=8192" --variant "train.batch_tokens=16384" \
    --variant "train.batch_tokens=16384 train.amp=bf16" --variant "train.batch_tokens=32768" \
    --json "$OUT/results/bench_train_cuda.json" > "$OUT/bench_train.txt" 2>&1
  stamp "bench_train rc=$?"

  stamp "2/5 beam-5 translation of test2016, model loaded once, by batch size"
  python3 scripts/bench_translate.py -m runs/multi30k_de_en/best.pt --in-process --device cuda --beams 5 \
    --batch-sizes 64,256,1000 --runs 3 --json "$OUT/results/bench_translate_cuda.json" > "$OUT/bench_translate.txt" 2>&1
  stamp "bench_translate rc=$?"

  stamp "3/5 where a step's time goes on the GPU (2048 tokens fp32/TF32 and bf16, 16384 fp32/TF32)"
  for v in "2048 none" "2048 bf16" "16384 none"; do
    set -- $v
    python3 scripts/profile_train.py configs/multi30k_de_en.yaml --steps 5 --set train.device=cuda \
      --set train.batch_tokens=$1 --set train.amp=$2 --json "$OUT/results/profile_train_cuda_$1_$2.json" \
      > "$OUT/profile_$1_$2.txt" 2>&1
    stamp "profile $1 $2 rc=$?"
  done
fi

stamp "4/5 train configs/multi30k_de_en_gpu.yaml from scratch, evaluate test2016 on the GPU"
sets=(); for s in ${TRAIN_SETS:-}; do sets+=(--set "$s"); done
python3 scripts/reproduce.py configs/multi30k_de_en_gpu.yaml --set train.max_time=80 "${sets[@]}" ${TRAIN_TAG:+--tag $TRAIN_TAG} \
  --runs /tmp/runs --results "$OUT/results" > "$OUT/reproduce.txt" 2>&1
stamp "reproduce rc=$?"
cp /tmp/runs/multi30k_de_en_gpu*/train_log.jsonl "$OUT/train_log_gpu.jsonl" 2>/dev/null

if [ "$only" = all ]; then
  stamp "5/5 the decoder step under torch.compile at 16384 tokens"
  timeout 150 python3 scripts/bench_train.py configs/multi30k_de_en.yaml --set train.device=cuda --windows 3 \
    --steps 15 --variant "train.batch_tokens=16384 train.compile=true" \
    --json "$OUT/results/bench_train_cuda_compile.json" > "$OUT/bench_train_compile.txt" 2>&1
  stamp "compile rc=$?"
fi
stamp "done"
