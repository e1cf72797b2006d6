"""scripts/bench_vs_marian.py reads the other toolkits' own log lines for its figures and keeps
finished stages so that a run of hours can resume: both are checked here without Marian or
OpenNMT-py installed (the lines are copied from their logs)."""

from __future__ import annotations

from pathlib import Path

from conftest import load_script

ROOT = Path(__file__).resolve().parent.parent


def _bench():
    return load_script("bench_vs_marian")


def test_the_speed_lines_of_marian_and_opennmt_py_parse() -> None:
    b = _bench()
    train = "[2026-12-07 14:58:03] Ep. 1 : Up. 10 : Sen. 1,153 : Cost 8.63920307 : Time 43.86s : 459.02 words/s : gNorm 0.0000"
    assert b.MARIAN_WINDOW.findall(train) == [("10", "43.86", "459.02")]
    decode = ("[2026-12-07 15:01:18] Processed 4 batches, 50 lines, 827 source tokens in 4.34s - Speed (total): "
              "0.92 batches/s - 11.52 lines/s - 190.51 tokens/s")
    assert b.MARIAN_DECODE.findall(decode) == [("50", "4.34")]
    onmt = ("[2026-12-07 15:13:16,823 INFO] Step 20/   30; acc: 13.3; ppl: 632.1; xent: 6.4; lr: 0.00100; "
            "sents:    1330; bsz: 1743/1869/133; 252/270 tok/s;    202 sec;")
    assert b.ONMT_WINDOW.findall(onmt) == [("20", "1869", "270")]  # step, target tokens a batch, target tok/s
    assert b.ONMT_TIME.findall("[2026-12-07 15:16:23,270 INFO] Average translation time (ms): 120.6") == ["120.6"]


def test_a_finished_stage_is_not_run_again_unless_its_settings_change(tmp_path: Path) -> None:
    b = _bench()
    calls = []

    def make(x: int) -> dict:
        calls.append(x)
        return {"value": x}

    stages = b.Stages(tmp_path, fresh=False)
    assert stages.get("train-x", {"steps": 10}, make, 1)["value"] == 1
    assert stages.get("train-x", {"steps": 10}, make, 2)["value"] == 1  # kept: an interrupted run resumes
    assert stages.get("train-x", {"steps": 20}, make, 3)["value"] == 3  # another setting: measured again
    assert b.Stages(tmp_path, fresh=True).get("train-x", {"steps": 10}, make, 4)["value"] == 4
    assert stages.has("train-x", {"steps": 10}, b.cpu_model()) and not stages.has("train-x", {"steps": 10}, "Z80")
    record = next(tmp_path.glob("train-x-*.json"))
    record.write_text(record.read_text().replace(b.cpu_model(), "another CPU"))  # a session on another machine
    assert stages.get("train-x", {"steps": 10}, make, 5)["value"] == 5  # measured again, here
    assert calls == [1, 3, 4, 5]


def test_a_unit_whose_model_is_gone_is_forgotten_and_unused_records_are_pruned(tmp_path: Path) -> None:
    b = _bench()
    stages = b.Stages(tmp_path, fresh=False)
    for name in ("train-marian256", "decode-marian256-b5-t2-packed8", "train-ours", "decode-ours-b5-t2-full"):
        stages.get(name, {"steps": 10}, dict)
    stages.get("train-marian512", {"steps": 10}, dict)
    assert all("date" in r and "cpu" in r for r in (w for w in stages.measured()))
    stages.drop("marian256")  # its model.npz is gone: it is trained and measured again
    assert sorted(b.Stages.unit_of(f) for f in tmp_path.glob("*.json")) == ["marian512", "ours", "ours"]

    later = b.Stages(tmp_path, fresh=False)  # a later run with changed code: only its records stay
    later.get("train-ours", {"steps": 10}, dict)
    later.get("decode-ours-b5-t2-full", {"steps": 10, "nmt_source": "new"}, dict)
    later.prune({"ours"})
    names = sorted(f.name.rsplit("-", 1)[0] for f in tmp_path.glob("*.json"))
    assert names == ["decode-ours-b5-t2-full", "train-marian512", "train-ours"]  # marian512 not in this run: kept
    assert len(later.measured()) == 2


def test_marians_lexical_table_comes_from_our_shortlist(trained_run: Path, tmp_path: Path) -> None:
    from nmt.checkpoint import load_checkpoint, tokenizer_of
    from nmt.shortlist import Shortlist

    b = _bench()
    lex = tmp_path / "lex.s2t"
    b.write_lex(trained_run / "best.pt", lex, per_source=3)
    payload = load_checkpoint(trained_run / "best.pt")
    table = Shortlist.from_payload(payload["shortlist"]).table.tolist()
    pieces = tokenizer_of(payload).tgt_pieces(list(range(len(table))))
    rows = [line.split(" ") for line in lex.read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == 3 and 0 < float(r[2]) <= 1 for r in rows)
    s = next(i for i in range(4, len(table)) if pieces[i].strip() and any(p >= 4 for p in table[i][:3]))
    partners = {r[0] for r in rows if r[1] == pieces[s]}
    assert partners == {pieces[s]} | {pieces[p] for p in table[s][:3] if p >= 4}


def test_marians_profile_reads_perf_report_rows_into_groups() -> None:
    p = load_script("profile_marian")
    report = """# Samples: 52K of event 'cpu-clock'
#
    31.20%  _pymarian.cpython-311-x86_64-linux-gnu.so  [.] 0x0000000003a1b2c4
    12.50%  _pymarian.cpython-311-x86_64-linux-gnu.so  [.] marian::cpu::GRUFastBackward(std::shared_ptr<int>)
     4.00%  libc.so.6                                  [.] __memmove_avx_unaligned_erms                  -      -
     0.90%  [kernel.kallsyms]                          [k] clear_page_erms
"""
    rows = p.perf_rows(report)
    assert [r[0] for r in rows] == [31.2, 12.5, 4.0, 0.9]
    assert rows[0][1:] == ("_pymarian.cpython-311-x86_64-linux-gnu.so", "unresolved")
    assert rows[1][2] == "marian::cpu::GRUFastBackward" and rows[2][2] == "__memmove_avx_unaligned_erms"
    assert p.group_of(rows[0][2]).startswith("unresolved") and p.group_of(rows[1][2]).startswith("fused GRU")
    assert p.group_of("mkl_blas_avx512_sgemm_kernel_0").startswith("GEMM")
    assert p.group_of("marian::cpu::CrossEntropyPick") == "softmax / cross-entropy"
    assert p.group_of("__memmove_avx_unaligned_erms").startswith("other elementwise")
    assert p.group_of("clear_page_erms") == "other"
    assert p.group_of("__expm1f").startswith("libm") and p.group_of("expf@GLIBC_2.2.5").startswith("libm")
    assert p.group_of("marian::cpu::gAggregateGeneric<2ul, marian::functional::BinaryFunctor").startswith("reductions")
