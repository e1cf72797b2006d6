"""README.md cannot rot: every shell block marked runnable is run as a newcomer would run it.

A block preceded by ``<!-- runnable ... -->`` is run line by line with bash from the
repository root, with ``nmt`` as the installed CLI; ``configs/tiny.yaml`` stands in for
the full config (the same commands, a minute instead of half an hour), run folders and
input files live in a temporary folder.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT, read_jsonl


def runnable_blocks(text: str) -> list[list[str]]:
    """The command lines (comments and blanks dropped) of each block marked runnable."""
    blocks = re.findall(r"<!-- runnable[^>]*-->\s*```bash\n(.*?)```", text, flags=re.S)
    return [[ln for ln in b.splitlines() if ln.strip() and not ln.lstrip().startswith("#")] for b in blocks]


def _as_test(line: str, tmp) -> str:
    line = line.replace("configs/multi30k_de_en.yaml", "configs/tiny.yaml")
    line = line.replace("runs/", f"{tmp}/runs/").replace("cat de.txt", f"cat {tmp}/de.txt")
    return re.sub(r"(^|\|\s*)nmt ", lambda m: f"{m.group(1)}{sys.executable} -m nmt ", line)


def test_the_readme_marks_the_main_job_runnable():
    blocks = runnable_blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert blocks and any(ln.startswith("nmt train") for ln in blocks[0])


@pytest.mark.slow
def test_readme_commands_run_as_written(tmp_path, multi30k):
    (tmp_path / "de.txt").write_text("".join(r["de"] + "\n" for r in read_jsonl(multi30k / "test.jsonl", 20)),
                                     encoding="utf-8")
    for block in runnable_blocks((ROOT / "README.md").read_text(encoding="utf-8")):
        for line in block:
            cmd = _as_test(line, tmp_path)
            res = subprocess.run(["bash", "-o", "pipefail", "-c", cmd], cwd=ROOT, capture_output=True,
                                 text=True, timeout=600)
            # `| head` may close the pipe early: translate then exits quietly (code 0).
            assert res.returncode == 0, f"{line}\n{res.stderr[-2000:]}"
            if "translate" in line:
                assert res.stdout.strip(), line
            if "evaluate" in line:
                assert "BLEU" in res.stdout and "chrF" in res.stdout, res.stdout
