"""docs/python.md cannot rot: its examples marked runnable run, in order, as one program.

As tests/test_readme.py does for README's shell blocks: ``configs/tiny.yaml`` stands
in for the full config (the same calls, a minute instead of half an hour) and run
folders live in a temporary folder. The program runs in its own process from the
repository root, as a user's script would.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys

import pytest
from conftest import ROOT

DOC = ROOT / "docs" / "python.md"


def runnable_blocks(text: str) -> list[str]:
    return re.findall(r"<!-- runnable -->\s*```python\n(.*?)```", text, flags=re.S)


def test_the_doc_covers_the_whole_public_api():
    import nmt

    text = DOC.read_text(encoding="utf-8")
    code = "\n".join(runnable_blocks(text))
    for call in ("nmt.load_config(", "nmt.train(", "nmt.Translator.load(", ".translate(", ".translate_batch(",
                 ".translate_iter(", "nmt.score(", "nmt.NmtError", ".save_pretrained(", "from_pretrained(",
                 "nmt.distill("):
        assert call in code, f"no runnable example calls {call}"
    for name in nmt.__all__:
        assert f"`{name}`" in text, f"{name} is public but docs/python.md does not name it"


@pytest.mark.slow
def test_python_doc_examples_run(tmp_path, multi30k):
    program = "\n".join(runnable_blocks(DOC.read_text(encoding="utf-8")))
    program = program.replace("configs/multi30k_de_en.yaml", "configs/tiny.yaml")
    program = program.replace('"runs/', f'"{tmp_path}/runs/')
    program = program.replace("../shared/data/multi30k", str(multi30k))
    script = tmp_path / "example.py"
    script.write_text(program, encoding="utf-8")
    res = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-3000:]
    out = res.stdout.splitlines()
    assert out[0] == "gru 128 2"  # configs/tiny.yaml's cell and decoder, the seed overridden
    assert re.match(r"max-steps 300 \d+\.\d+ .*best\.pt$", out[1]), out[1]
    lists = [line for line in out if line.startswith("[")]
    first = ast.literal_eval(lists[0])
    assert len(first) == 3 and first[1] == "" and all(first[::2])
    assert "BLEU" in res.stdout and "nrefs:1" in res.stdout and "chrF" in res.stdout
    assert "no_such_run/best.pt" in res.stdout
    assert "['README.md', 'config.json', 'model.safetensors'" in res.stdout and "\nTrue\n" in res.stdout
    assert "{'validation': 1014} True" in res.stdout and "True ../shared/data/multi30k" in res.stdout
    assert "source pieces, truncated to" in res.stderr
