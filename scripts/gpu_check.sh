#!/usr/bin/env bash
# The prepared run on a lent GPU machine (../shared/GPU.md): the figures docs/gpu.md quotes,
# in one command. From the checkout's root on the GPU machine:
#   source .gpu/remote.sh && NMT_GIT_COMMIT=<hash> NMT_GIT_DIRTY=0 bash scripts/gpu_check.sh
# (the copy's .git may be missing or stale, hence the commit in the environment; the translation
# comparison needs runs/multi30k_de_en/best.pt carried along). Everything lands in
# $OUT/gpu.tgz (packed again after each stage, so a run cut short still brings back what it
# finished: the device tool returns only a few files) and $OUT/steps.txt.
# STAGES picks stages (default: sweep translate profile train; also: compile).
set -uo pipefail
OUT=${OUT:-/tmp/gpu_out}
W=/tmp/gpu_work
mkdir -p "$OUT" "$W/results"
stamp() { echo "[$(date +%T)] $*" | tee -a "$W/steps.txt"; cp "$W/steps.txt" "$OUT/steps.txt"; }
pack() { tar czf "$OUT/gpu.tgz.part" -C "$W" . && mv "$OUT/gpu.tgz.part" "$OUT/gpu.tgz"; }
on() { [[ " ${STAGES:-sweep translate profile train} " == *" $1 "* ]]; }
nvidia-smi > "$W/nvidia-smi.txt" 2>&1
R="$W/results"

if on sweep; then
  stamp "sweep: training throughput by batch size and precision (TF32 on unless said)"
  python3 scripts/bench_train.py configs/multi30k_de_en.yaml --set train.device=cuda --windows 3 --steps 15 \
    --variant "" --variant "train.batch_tokens=16384" --variant "train.batch_tokens=32768" \
    --json "$R/bench_train_cuda.json" > "$W/bench_train.txt" 2>&1
  stamp "bench_train rc=$?"; pack
fi
if on translate; then
  stamp "translate: beam-5 test2016, model loaded once, by batch size"
  python3 scripts/bench_translate.py -m runs/multi30k_de_en/best.pt --in-process --device cuda --beams 5 \
    --batch-sizes 64,256,1000 --runs 3 --json "$R/bench_translate_cuda.json" > "$W/bench_translate.txt" 2>&1
  stamp "bench_translate rc=$?"; pack
fi
if on profile; then
  for v in "2048 none" "16384 none"; do
    set -- $v
    stamp "profile: $1 tokens, amp=$2"
    python3 scripts/profile_train.py configs/multi30k_de_en.yaml --steps 5 --set train.device=cuda \
      --set train.batch_tokens=$1 --set train.amp=$2 --json "$R/profile_train_cuda_$1_$2.json" \
      > "$W/profile_$1_$2.txt" 2>&1
    stamp "profile rc=$?"; pack
  done
fi
if on train; then
  for run in "16384|" "32768|train.batch_tokens=32768 train.warmup_steps=50"; do
    tag=b${run%%|*}; sets=(); for s in ${run#*|}; do sets+=(--set "$s"); done
    stamp "train: configs/multi30k_de_en_gpu.yaml $tag ${run#*|}, evaluate test2016 on the GPU"
    python3 scripts/reproduce.py configs/multi30k_de_en_gpu.yaml --set train.max_time=90 "${sets[@]}" --tag $tag \
      --runs /tmp/runs --results "$R" > "$W/reproduce_$tag.txt" 2>&1
    stamp "reproduce rc=$?"
    cp /tmp/runs/multi30k_de_en_gpu-$tag/train_log.jsonl "$W/train_log_$tag.jsonl" 2>/dev/null; pack
  done
fi
if on compile; then
  stamp "compile: the decoder step under torch.compile at 16384 tokens"
  timeout 150 python3 scripts/bench_train.py configs/multi30k_de_en.yaml --set train.device=cuda --windows 3 \
    --steps 15 --variant "train.batch_tokens=16384 train.compile=true" \
    --json "$R/bench_train_cuda_compile.json" > "$W/bench_train_compile.txt" 2>&1
  stamp "compile rc=$?"; pack
fi
stamp "done"; pack
