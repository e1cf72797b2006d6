"""The house stays standing: the package's import graph, read from the source with ``ast``.

Rooms by stage, dependency direction downward (config -> data, model -> decoding ->
training, serving -> cli); deferred imports inside functions count (a cycle that
needs a late import to run is still a cycle in the design); imports under
``if TYPE_CHECKING:`` do not (they never run).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "nmt"

# Each room and the rooms it may import from (flat modules, the shared leaves, are checked apart).
ROOMS = {
    "config": set(),
    "data": {"config"},
    "model": {"config"},
    "decoding": {"config", "data", "model"},
    "training": {"config", "data", "model", "decoding"},
    "serving": {"config", "data", "model", "decoding"},
    "cli": {"config", "data", "model", "decoding", "training", "serving"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def type_checking_only(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for sub in node.body for n in ast.walk(sub))
    return skip


def import_graph() -> tuple[dict[str, set[str]], list[str]]:
    """Module -> the nmt modules it imports; and every ``_private`` name imported across modules."""
    mods = {module_name(p): p for p in PKG.rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in mods}
    private = []
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = type_checking_only(tree)
        here = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Import):
                edges[mod].update(a.name for a in node.names if a.name in mods and a.name != mod)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    target = full if full in mods else base
                    if target in mods and target != mod:
                        edges[mod].add(target)
                        if alias.name.startswith("_") and not alias.name.startswith("__") and full not in mods:
                            private.append(f"{mod} imports {base}.{alias.name}")
    return edges, private


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in edges:
        if v not in index:
            visit(v)
    return found


def room(mod: str) -> str | None:
    """``nmt.decoding.search`` -> ``decoding``; a flat module (``nmt.checkpoint``) -> None."""
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ROOMS else None


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()[0]


def test_the_graph_sees_the_imports_it_must(graph):
    # A reader that missed imports would pass every rule below: check it on known edges.
    assert "nmt.decoding.search" in graph["nmt.decoding.translator"]
    assert "nmt.config.sections" in graph["nmt.config.loading"]
    assert "nmt.decoding.onnx_engine" in graph["nmt.decoding.translator"]  # deferred, inside a method
    assert "nmt.decoding.plot" not in graph["nmt.decoding.lines"]  # under TYPE_CHECKING only


def test_no_import_cycle(graph):
    assert cycles(graph) == []


def test_cycles_are_detected():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_private_name_crosses_a_module():
    assert import_graph()[1] == []


def test_the_model_imports_no_later_stage(graph):
    for mod, targets in graph.items():
        if room(mod) == "model":
            later = sorted(t for t in targets if room(t) in {"data", "training", "decoding", "serving", "cli"})
            assert later == [], f"{mod} imports {later}"


def test_nothing_imports_upward(graph):
    for mod, targets in graph.items():
        mine = room(mod)
        for target in targets:
            theirs = room(target)
            if theirs is None or theirs == mine or mod in ("nmt", "nmt.__main__"):
                continue
            if mine is None:  # a shared leaf may lean on config and the model, nothing later
                assert theirs in {"config", "model"}, f"{mod} (a shared leaf) imports {target}"
            else:
                assert theirs in ROOMS[mine], f"{mod} ({mine}) imports {target} ({theirs})"


def test_only_the_cli_imports_the_cli(graph):
    for mod, targets in graph.items():
        if room(mod) != "cli" and mod != "nmt.__main__":  # python -m nmt is the CLI's other door
            assert not any(room(t) == "cli" for t in targets), f"{mod} imports the CLI"


def test_flat_modules_are_few_and_rooms_are_packages():
    flat = sorted(p.name for p in PKG.glob("*.py"))
    assert len(flat) <= 15, flat
    for name in ROOMS:
        assert (PKG / name / "__init__.py").is_file(), name
        assert not (PKG / f"{name}.py").exists(), f"nmt/{name}.py beside the nmt/{name}/ package"


def test_import_nmt_loads_neither_torch_nor_datasets():
    code = ("import sys, nmt; assert nmt.__version__; "
            "print(sorted(m for m in ('torch', 'datasets', 'sentencepiece') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_public_names_load_on_first_use_and_are_all_listed():
    import nmt

    for name in nmt.__all__:
        assert getattr(nmt, name) is not None, name
    assert {"Translator", "train", "load_config", "score"} <= set(nmt.__all__)
    with pytest.raises(AttributeError):
        nmt.no_such_name  # noqa: B018 - the attribute access is the test
