"""docs/ARCHITECTURE.md's two paths, hop by hop, name functions that exist and are called."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import nndesk

PACKAGE = Path(nndesk.__file__).parent
DOC = PACKAGE.parent / "docs" / "ARCHITECTURE.md"


def _hop_sections() -> dict[str, str]:
    """Title -> text of each "hop by hop" section."""
    text = DOC.read_text(encoding="utf-8")
    found = re.findall(r"^### ([^\n]*hop by hop)\n(.*?)(?=^#)", text, re.S | re.M)
    return dict(found)


def _named(text: str) -> set[str]:
    """Dotted names in the text's code spans: ``TrainingController.start``, ``training.train``."""
    return {
        m.group(1)
        for span in re.findall(r"`([^`]+)`", text)
        for m in re.finditer(r"\b([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)", span)
        if not m.group(1).endswith((".py", ".md"))  # a file's path
    }


def _members(body: list[ast.stmt]) -> set[str]:
    """Names a module or class body defines: functions, classes, assignments, imports."""
    names: set[str] = set()
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return names


@functools.cache
def _index() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(module's last name -> its top-level names, class name -> its members), read statically;
    parsed once per test process (two tests read it; callers only read it)."""
    modules: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        name = path.parent.name if path.name == "__init__.py" else path.stem
        modules.setdefault(name, set()).update(_members(tree.body))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes.setdefault(node.name, set()).update(_members(node.body))
    return modules, classes


def _resolves(dotted: str, modules, classes) -> bool | None:
    """Whether ``dotted`` names something in nndesk; None when its first part is neither a
    module nor a class of nndesk (an instance, like ``requests.stop.is_set``)."""
    first, *rest = dotted.split(".")
    if first in classes:
        return rest[0] in classes[first]
    if first in modules:
        if rest[0] not in modules[first]:
            return False
        return len(rest) == 1 or rest[0] not in classes or rest[1] in classes[rest[0]]
    return None


def test_the_doc_has_both_paths():
    assert set(_hop_sections()) == {
        "From a Train click to a curve point, hop by hop",
        "From a stroke to the bars, hop by hop",
    }


def test_every_function_the_hops_name_exists():
    modules, classes = _index()
    named = {n for text in _hop_sections().values() for n in _named(text)}
    checked = {n: _resolves(n, modules, classes) for n in named}
    assert sum(ok is not None for ok in checked.values()) >= 30
    assert [n for n, ok in checked.items() if ok is False] == []


def test_a_made_up_name_does_not_resolve():
    modules, classes = _index()
    assert _resolves("Sequential.train_step", modules, classes)
    assert not _resolves("Sequential.no_such_step", modules, classes)
    assert _resolves("split_batch.BatchSplit.train_step", modules, classes)
    assert not _resolves("split_batch.BatchSplit.nothing", modules, classes)
    assert _resolves("requests.stop.is_set", modules, classes) is None


def test_the_batch_hop_names_what_the_training_loop_calls_on_the_model_and_optimizer():
    """Hop 4 says what one batch runs: the calls ``training.loop._train`` makes on the model and
    the optimizer inside its loops, as ``Sequential.<call>`` and ``Optimizer.<call>``."""
    tree = ast.parse((PACKAGE / "training" / "loop.py").read_text(encoding="utf-8"))
    train = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_train")
    receivers = {"model": "Sequential", "optimizer": "Optimizer"}
    called = {
        f"{receivers[node.func.value.id]}.{node.func.attr}"
        for loop in ast.walk(train)
        if isinstance(loop, ast.For)
        for node in ast.walk(loop)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in receivers
    }
    assert called >= {"Sequential.train_step", "Optimizer.step"}
    hops = _hop_sections()["From a Train click to a curve point, hop by hop"]
    batch_hop = next(h for h in re.split(r"\n(?=\d\. )", hops) if h.startswith("4. "))
    assert called <= _named(batch_hop), called - _named(batch_hop)
