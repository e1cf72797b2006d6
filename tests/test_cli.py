"""The CLI as a user calls it: pipes, files, n-best, and one-line errors with exit codes."""

import os
import signal
import subprocess
import sys
import time

import pytest
import torch
from conftest import ROOT, read_jsonl, run_nmt


def _no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr


def test_help_lists_the_commands():
    res = run_nmt("--help")
    assert res.returncode == 0
    for cmd in ("train", "translate", "evaluate"):
        assert cmd in res.stdout


def test_version_and_help_say_which_nmt_this_is_and_each_command_shows_an_example():
    import nmt

    res = run_nmt("--version")
    assert res.returncode == 0 and res.stdout.startswith(f"nmt {nmt.__version__} (torch ")
    assert f"nmt {nmt.__version__}" in run_nmt("--help").stdout
    for cmd in ("train", "translate", "evaluate"):
        out = run_nmt(cmd, "--help")
        text = " ".join(out.stdout.split())
        assert out.returncode == 0 and f"nmt {cmd} " in text.partition("Example:")[2], cmd


def test_one_line_out_per_line_in_including_blank_crlf_and_no_final_newline(trained_run):
    text = "Ein Hund läuft.\r\n\n   \nZwei Männer spielen Fußball.\nEine Frau"
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), input=text)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.split("\n")
    assert lines[-1] == "" and len(lines) - 1 == 5
    assert lines[1] == "" and lines[2] == ""
    assert lines[0] and lines[3] and lines[4]


def test_files_and_n_best(trained_run, tmp_path):
    src = tmp_path / "in.de"
    src.write_text("Ein Hund läuft.\nZwei Männer.\n", encoding="utf-8")
    out = tmp_path / "out.en"
    out.write_text("old content\n")
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "-i", str(src), "-o", str(out),
                  "--beam", "3", "--n-best", "3")
    assert res.returncode == 0, res.stderr
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert len(rows) == 6 and [r[0] for r in rows] == ["1"] * 3 + ["2"] * 3
    for i in (0, 3):
        scores = [float(r[1]) for r in rows[i:i + 3]]
        assert scores == sorted(scores, reverse=True)
    assert not list(tmp_path.glob(".*partial"))


def test_n_best_larger_than_beam_is_a_usage_error(trained_run):
    res = run_nmt("translate", "-m", str(trained_run / "best.pt"), "--beam", "2", "--n-best", "3", input="a\n")
    assert res.returncode == 2 and "--n-best 3 needs --beam >= 3" in res.stderr
    _no_traceback(res.stderr)


@pytest.mark.parametrize("content", [None, b"", b"not a model\n", b"PK\x03\x04broken", "truncated"])
def test_bad_model_files_are_one_line_errors(trained_run, tmp_path, content):
    path = tmp_path / "model.pt"
    if content == "truncated":
        data = (trained_run / "best.pt").read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif content is not None:
        path.write_bytes(content)
    res = run_nmt("translate", "-m", str(path), input="Ein Hund.\n")
    assert res.returncode == 1
    _no_traceback(res.stderr)
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("error: ") and str(path) in res.stderr
    assert res.stdout == ""


def test_a_pipe_closed_early_exits_quietly(trained_run):
    cmd = (f'yes "Ein Hund läuft über die Wiese." | head -n 3000 | '
           f'"{sys.executable}" -m nmt translate -m "{trained_run / "best.pt"}" --beam 1 | head -n 1')
    res = subprocess.run(["bash", "-c", "set -o pipefail; " + cmd], capture_output=True, text=True, timeout=300,
                         cwd=ROOT)
    assert res.stdout.count("\n") == 1
    _no_traceback(res.stderr)
    assert "BrokenPipe" not in res.stderr and "Exception ignored" not in res.stderr


def test_sigint_keeps_the_lines_already_translated(trained_run):
    # A shell starts background jobs with SIGINT ignored, and an ignored signal stays ignored
    # in the children (Python then installs no KeyboardInterrupt handler): give the child the
    # default disposition a terminal gives, whatever started this test run.
    proc = subprocess.Popen([sys.executable, "-m", "nmt", "translate", "-m", str(trained_run / "best.pt"),
                             "--beam", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # The first chunk (1,024 lines at the default batch size) is translated and
    # flushed while stdin stays open; then Ctrl-C.
    proc.stdin.write("Ein Hund läuft.\n".encode() * 1100)
    proc.stdin.flush()
    got = b""
    deadline = time.time() + 240
    while got.count(b"\n") < 1024 and time.time() < deadline:
        got += os.read(proc.stdout.fileno(), 65536)
    proc.send_signal(signal.SIGINT)
    rest, err = proc.communicate(timeout=60)
    out = got + rest
    assert proc.returncode == 130, (out.count(b"\n"), err.decode()[-2000:])
    assert out.count(b"\n") == 1024  # every finished line written, nothing partial
    _no_traceback(err.decode())


def test_train_refuses_a_folder_that_holds_a_run(trained_run):
    res = run_nmt("train", "configs/tiny.yaml", "--out", str(trained_run))
    assert res.returncode == 2 and "--resume" in res.stderr and "--overwrite" in res.stderr
    _no_traceback(res.stderr)


def test_bad_config_fails_before_any_work(tmp_path):
    res = run_nmt("train", "configs/tiny.yaml", "--out", str(tmp_path / "r"), "--set", "model.enc_layers=-2")
    assert res.returncode == 2
    assert "model.enc_layers must be > 0, got -2" in res.stderr
    assert not (tmp_path / "r").exists()
    _no_traceback(res.stderr)


def test_resume_with_another_model_shape_names_the_fields(trained_run):
    res = run_nmt("train", "configs/tiny.yaml", "--out", str(trained_run), "--resume",
                  "--set", "model.dec_hidden=96", "--set", "model.cell=lstm")
    assert res.returncode == 2
    assert "model.cell: 'gru' != 'lstm'" in res.stderr and "model.dec_hidden: 128 != 96" in res.stderr
    _no_traceback(res.stderr)


def test_unwritable_output_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = run_nmt("train", "configs/tiny.yaml", "--out", str(blocker / "run"))
    assert res.returncode == 1 and "cannot create the run folder" in res.stderr
    _no_traceback(res.stderr)


def test_evaluate_an_existing_hypothesis_file(tmp_path, multi30k):
    from conftest import read_jsonl

    refs = [r["en"] for r in read_jsonl(multi30k / "test.jsonl")]
    hyp = tmp_path / "hyp.en"
    hyp.write_text("".join(r + "\n" for r in refs))
    res = run_nmt("evaluate", "--hyp", str(hyp), "--dataset", str(multi30k), "--src", "de", "--tgt", "en")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("BLEU 100.00") and "chrF 100.00" in res.stdout
    hyp.write_text("only one line\n")
    res = run_nmt("evaluate", "--hyp", str(hyp), "--dataset", str(multi30k), "--src", "de", "--tgt", "en")
    assert res.returncode == 2 and "1 lines, but" in res.stderr and "1000 references" in res.stderr


def test_int8_translation_quantizes_and_stays_close_to_float(trained_run, multi30k):
    """--int8 runs through the same stream contract, and changes few outputs."""
    import sacrebleu

    from nmt.decoding.translator import Translator

    rows = read_jsonl(multi30k / "validation.jsonl", 100)
    text = "".join(r["de"] + "\n" for r in rows)
    ckpt = str(trained_run / "best.pt")
    fp32 = run_nmt("translate", "-m", ckpt, input=text)
    int8 = run_nmt("translate", "-m", ckpt, "--int8", input=text)
    assert int8.returncode == 0 and int8.stderr == "", int8.stderr  # no torch.ao notices reach the user
    ours, ref = int8.stdout.split("\n"), fp32.stdout.split("\n")
    assert len(ours) == len(ref) == 101 and ours[-1] == ""
    # BLEU of the int8 output with the float output as reference: 88.2 measured on this
    # fixture; an int8 path that broke the model would score near 0.
    agreement = sacrebleu.corpus_bleu(ours[:-1], [ref[:-1]]).score
    assert agreement > 70.0, agreement

    from nmt.model.packed import available

    if available(torch.bfloat16):  # --bf16: the same contract, and closer to float32 than int8
        bf16 = run_nmt("translate", "-m", ckpt, "--bf16", input=text)
        assert bf16.returncode == 0 and bf16.stderr == "", bf16.stderr
        lines = bf16.stdout.split("\n")
        assert len(lines) == 101 and sacrebleu.corpus_bleu(lines[:-1], [ref[:-1]]).score > 70.0
    both = run_nmt("translate", "-m", ckpt, "--bf16", "--int8", input=text)
    assert both.returncode == 2 and "choose one" in both.stderr and "Traceback" not in both.stderr

    tr = Translator.load(trained_run / "best.pt", int8=True)
    kinds = {type(m).__module__ for m in tr.model.modules()}
    assert "torch.ao.nn.quantized.dynamic.modules.linear" in kinds
    assert "torch.ao.nn.quantized.dynamic.modules.rnn" in kinds
