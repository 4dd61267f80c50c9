"""Exported code in Vietnamese: the same code, its comments, docstrings and messages translated.

A script exported for a Vietnamese window must run and train exactly like the English one, and
no English prose may be left in it: a comment added to a generator without its Vietnamese fails
here (``Words.missing`` and the English texts checked against the Vietnamese file).
"""

from __future__ import annotations

import ast
import dataclasses
import io
import re
import tokenize

import nbformat
import numpy as np
import pytest

from nndesk.codegen import (
    Words,
    export_text,
    from_config,
    from_preset,
    keras_notebook,
    numpy_script,
)
from nndesk.codegen import vi as vi_table
from nndesk.errors import ConfigError
from nndesk.presets import list_presets
from nndesk.setting_changes import SettingChange
from nndesk.training import TrainConfig
from tests.codegen.conftest import epoch_losses, final_accuracy, run_script
from tests.codegen.test_every_setting_exports import ARCHS, BASE, _variants

SMALL_MLP = TrainConfig(
    dataset="fashion", arch="784-32-16-10", lr=2e-3, batch_size=16, epochs=3, eps=1e-7,
    dropout=0.1, val_fraction=0.1,
)  # fmt: skip
#: changes of every kind a script replays (a steered run's record)
CHANGES = tuple(
    SettingChange(x=1 + i / 10, epoch=1 + i // 3, batch=2 + i, name=name, value=value)
    for i, (name, value) in enumerate(
        [("lr", 0.005), ("momentum", 0.5), ("l2", 1e-3), ("dropout", 0.3), ("augment", True),
         ("aug_rotate", 5.0), ("batch_size", 24), ("aug_shift", 1.0), ("aug_scale", 0.1)]
    )
)  # fmt: skip


def _experiments() -> dict:
    """Every preset, every settings variant as an MLP and a CNN, and steered runs."""
    out = {p.name: from_preset(p.name) for p in list_presets()}
    for variant, changes in _variants().items():
        for kind, arch in ARCHS.items():
            out[f"{variant}-{kind}"] = from_config(BASE.replace(arch=arch, **changes), "a test")
    # settings the header words its promise by: BLAS threads set, pen widths, sketches
    for name, changes in {"threads": dict(threads=2), "stroke": dict(augment=True, aug_stroke=0.5),
                          "sketch": dict(dataset="fashion", sketch=0.3)}.items():  # fmt: skip
        out[f"{name}-mlp"] = from_config(BASE.replace(**changes), "a test")
    for optimizer in ("momentum", "adamw"):
        for arch in ARCHS.values():
            config = BASE.replace(arch=arch, optimizer=optimizer, dropout=0.2, l2=1e-4, epochs=3)
            out[f"steered-{optimizer}-{arch}"] = from_config(config, "a test", changes=CHANGES)
    return out


def _prose(source: str) -> tuple[set[str], set[str]]:
    """The comments and the docstrings / strings with words in them, of Python ``source``."""
    comments, strings = set(), set()
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            text = re.sub(r"^#\s*(noqa: \w+\s+|fmt: skip)?", "", tok.string).strip()
            if re.search(r"[A-Za-z]{2,}", text):
                comments.add(text)
        elif tok.type == tokenize.STRING and " " in tok.string:
            body = re.sub(r"^[a-zA-Z]*('''|\"\"\"|'|\")|('''|\"\"\"|'|\")$", "", tok.string)
            if re.search(r"[A-Za-z]{3,} [A-Za-z]{2,}", re.sub(r"\{[^{}]*\}", "", body)):
                strings.add(" ".join(body.split()))
    return comments, strings


def _code_only(source: str) -> str:
    """The AST of ``source`` with every text replaced by a marker (an f-string by the code of
    its places): equal for two files that compute the same thing in any language."""

    class Blank(ast.NodeTransformer):
        def visit_JoinedStr(self, node):  # noqa: N802
            places = sorted(ast.dump(v) for v in node.values if isinstance(v, ast.FormattedValue))
            return ast.Constant("f:" + "|".join(places))

        def visit_Constant(self, node):  # noqa: N802
            return ast.Constant("S") if isinstance(node.value, str) else node

    return ast.dump(Blank().visit(ast.parse(source)))


@pytest.fixture(scope="module")
def both() -> dict[str, tuple[str, str, Words]]:
    """name -> (English script, Vietnamese script, the Vietnamese Words that wrote it)."""
    out = {}
    for name, experiment in _experiments().items():
        words = Words("vi")
        out[name] = (numpy_script(experiment, "pytest"), numpy_script(experiment, "pytest", words),
                     words)  # fmt: skip
    return out


def test_every_english_text_of_every_script_has_its_vietnamese(both):
    missing = set().union(*(words.missing for _, _, words in both.values()))
    assert not missing, "no Vietnamese in nndesk/codegen/vi.py for:\n" + "\n".join(sorted(missing))


def test_the_vietnamese_script_holds_none_of_the_english_comments_or_messages(both):
    for name, (english, vietnamese, _) in both.items():
        comments, strings = _prose(english)
        vi_comments, vi_strings = _prose(vietnamese)
        left = {text for text in comments & vi_comments if not Words("vi").same(text)}
        assert not left, f"{name}: English comments left: {sorted(left)}"
        assert not strings & vi_strings, f"{name}: English text left: {strings & vi_strings}"
        header = vietnamese.split('"""')[1]
        assert "Exported by" not in header and "Xuất bởi nndesk từ" in header, name


def test_the_headers_network_line_names_the_layers_in_vietnamese(both):
    # walk61 D7: "Mạng: ảnh 28x28 -> conv 32x3x3 (valid) -> ... -> flatten -> dense 128" kept
    # the layers' English names in a Vietnamese docstring
    for name, (english, vietnamese, _) in both.items():
        header = vietnamese.split('"""')[1]
        net = " ".join(header.split("Mạng: ", 1)[1].split("\n\n", 1)[0].split())
        assert not re.search(r"\b(conv|dense|flatten)\b", net), f"{name}: {net}"
        if " -> conv " in " ".join(english.split('"""')[1].split()):
            assert "tích chập" in net and "làm phẳng" in net, f"{name}: {net}"
        assert "tầng kết nối đầy đủ" in net, f"{name}: {net}"


def test_the_vietnamese_script_is_the_same_code_within_99_columns(both):
    for name, (english, vietnamese, _) in both.items():
        assert _code_only(vietnamese) == _code_only(english), name
        longest = max(vietnamese.splitlines(), key=len)
        assert len(longest) <= 99, f"{name}: {longest!r}"


def test_the_docstrings_prose_is_flush_left_and_a_wrapped_paragraph_stands_apart(both):
    """walk59: continuation lines were indented 4 spaces ("    viết bằng NumPy thuần."), a slip
    to the eye in the code handed to students."""
    for name, scripts in both.items():
        for script in scripts[:2]:
            header = script.split('"""')[1]
            assert not [line for line in header.splitlines() if line.startswith(" ")], name
            lines = header.splitlines()
            # the promise wraps: a paragraph of its own, not run on into the next line
            promise = next(i for i, line in enumerate(lines) if "--seed" in line and i > 2)
            end = lines.index("", promise)
            assert lines[promise - 1] == "" and all(
                len(line) > 50 for line in lines[promise : end - 1]
            )


def test_fashion_class_names_are_the_windows_vietnamese_ones():
    text = export_text(from_preset("fashion-mlp-lab"), "pytest", language="vi")
    assert "'Áo thun/áo phông'" in text and "'Bốt cổ ngắn'" in text
    assert "T-shirt/top" not in text
    mnist = export_text(from_preset("mnist-cnn-lab"), "pytest", language="vi")
    assert "CLASS_NAMES = ['0', '1', '2'," in mnist


def test_a_vietnamese_script_runs_and_reaches_the_english_ones_numbers(tmp_path, blob_dir):
    experiment = from_config(SMALL_MLP, "a test")
    runs = {}
    for language in ("en", "vi"):
        path = tmp_path / f"{language}.py"
        path.write_text(export_text(experiment, "pytest", language=language), encoding="utf-8")
        done = run_script(path, "--data-dir", str(blob_dir))
        assert done.returncode == 0, done.stderr
        runs[language] = done.stdout
    english, vietnamese = runs["en"], runs["vi"]
    losses = [float(v) for v in re.findall(r"^epoch \d+/\d+  mất mát ([0-9.]+)", vietnamese, re.M)]
    assert len(losses) == 3 and losses == epoch_losses(english)
    assert final_accuracy(vietnamese) == final_accuracy(english) >= 0.8
    assert "ảnh huấn luyện, batch 16, số epoch 3, hạt giống 0" in vietnamese
    assert "kiểm định: mất mát" in vietnamese and "val loss" not in vietnamese


def test_a_vietnamese_scripts_bad_data_is_one_vietnamese_line(tmp_path):
    path = tmp_path / "vi.py"
    path.write_text(export_text(from_preset("fashion-mlp-lab"), "pytest", language="vi"), "utf-8")
    done = run_script(path, "--data-dir", str(tmp_path / "nowhere"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("không tìm thấy train-images-idx3-ubyte.gz trong ")


def test_an_unknown_language_is_refused():
    with pytest.raises(ConfigError, match="en or vi"):
        export_text(from_preset("fashion-mlp-lab"), "pytest", language="fr")


def test_english_is_the_default_and_unchanged_by_the_tables():
    experiment = from_preset("fashion-cnn-plus")
    assert numpy_script(experiment, "x", Words("en")) == numpy_script(experiment, "x")
    assert export_text(experiment, "x") == numpy_script(experiment, "x")


def test_every_table_entry_keeps_the_code_places_of_its_english():
    places = re.compile(r"\{[^{}]*\}")
    for english, vietnamese in vi_table.TEXTS.items():
        assert sorted(places.findall(english)) == sorted(places.findall(vietnamese)), english
    wild = re.compile(r"<\w+>")
    for english, vietnamese in vi_table.PATTERNS.items():
        assert set(wild.findall(vietnamese)) <= set(wild.findall(english)), english


def test_the_scripts_words_are_the_windows_glossary_terms():
    """The script said "cùng seed" where the window says "Hạt giống (seed)", and "nhân" (a bare
    "multiply") for a kernel: docs/glossary-vi.md holds for exported code as for the window.
    Code is not prose: {places}, <wildcards>, `spans`, --flags and CONSTANTS are left out."""
    from tests.test_translations import _glossary

    code = re.compile(r"\{[^{}]*\}|<\w+>|`[^`]*`|--[\w-]+|\b[A-Z][A-Z0-9_]{2,}\b")
    wrong = []
    for english, vietnamese in [*vi_table.TEXTS.items(), *vi_table.PATTERNS.items()]:
        prose = code.sub(" ", english)
        for spellings, words in _glossary():
            pattern = "|".join(re.escape(s) for s in spellings)
            if re.search(rf"\b(?:{pattern})(?:s|es)?\b", prose, re.IGNORECASE) and (
                words not in vietnamese.lower()
            ):
                wrong.append(f"{english[:60]!r} -> {vietnamese[:60]!r} lacks {words!r}")
    assert not wrong, "\n".join(wrong)


def test_the_class_names_written_back_to_english_are_those_of_the_dataset():
    """The tables' class names come from the window's translation file: one per class."""
    experiment = from_preset("fashion-mlp-lab")
    names = Words("vi").class_names(experiment.class_names)
    assert len(set(names)) == 10 and not set(names) & set(experiment.class_names)
    assert np.all([bool(n.strip()) for n in names])


# -- the Keras notebook ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def notebooks() -> dict[str, tuple[nbformat.NotebookNode, nbformat.NotebookNode, Words]]:
    """name -> (English notebook, Vietnamese notebook, the Vietnamese Words that wrote it)."""
    out = {}
    for i, (name, experiment) in enumerate(_experiments().items()):
        words = Words("vi")
        # every other one knows the folder the app read the data from (its DATA_DIR)
        folder = f"/srv/data/{name}" if i % 2 else None
        english = nbformat.reads(keras_notebook(experiment, "pytest", None, folder), as_version=4)
        vietnamese = nbformat.reads(
            keras_notebook(experiment, "pytest", words, folder), as_version=4
        )
        out[name] = (english, vietnamese, words)
    return out


def test_every_english_text_of_every_notebook_has_its_vietnamese(notebooks):
    missing = set().union(*(words.missing for _, _, words in notebooks.values()))
    assert not missing, "no Vietnamese in nndesk/codegen/vi.py for:\n" + "\n".join(sorted(missing))


def test_a_vietnamese_notebook_explains_in_vietnamese_the_same_code(notebooks):
    for name, (english, vietnamese, _) in notebooks.items():
        nbformat.validate(vietnamese)
        assert [c.cell_type for c in english.cells] == [c.cell_type for c in vietnamese.cells]
        for en, vi in zip(english.cells, vietnamese.cells, strict=True):
            if en.cell_type == "code":
                assert _code_only(vi.source) == _code_only(en.source), name
                comments, strings = _prose(en.source)
                vi_comments, vi_strings = _prose(vi.source)
                left = {t for t in comments & vi_comments if not Words("vi").same(t)}
                assert not left and not strings & vi_strings, (name, left, strings & vi_strings)
            else:  # every markdown line that has words differs from the English one
                same = set(en.source.splitlines()) & set(vi.source.splitlines())
                prose = {line for line in same if re.search(r"[A-Za-z]{3,} [A-Za-z]{3,}", line)}
                assert not prose, (name, prose)
        headings = [c.source.splitlines()[0] for c in vietnamese.cells if c.cell_type == "markdown"]
        assert "## 1. Chuẩn bị" in headings and "## 2. Dữ liệu" in headings, headings


def test_a_vietnamese_notebook_runs_like_the_english_one(blob_dir, monkeypatch, capsys):
    """Against the stand-in Keras of test_keras_notebook: the notebook's own code (IDX reading,
    split, normalisation) gives the same arrays and the same last line in both languages."""
    import sys
    import types

    from tests.codegen.test_keras_notebook import _StandIn

    stand_in = _StandIn()
    tensorflow = types.ModuleType("tensorflow")
    tensorflow.keras = stand_in
    monkeypatch.setitem(sys.modules, "tensorflow", tensorflow)
    monkeypatch.setitem(sys.modules, "tensorflow.keras", stand_in)
    experiment = from_preset("fashion-mlp-plus")
    ran = {}
    for language in ("en", "vi"):
        nb = nbformat.reads(export_text(experiment, "pytest", True, language), as_version=4)
        namespace: dict = {"__name__": "notebook"}
        for cell in nb.cells:
            if cell.cell_type == "code":
                source = cell.source.replace('DATA_DIR = "data"', f"DATA_DIR = {str(blob_dir)!r}")
                exec(compile(source, cell.id, "exec"), namespace)
        ran[language] = namespace, capsys.readouterr().out.strip().splitlines()
    (en, en_out), (vi, vi_out) = ran["en"], ran["vi"]
    np.testing.assert_array_equal(en["x_train"], vi["x_train"])
    np.testing.assert_array_equal(en["t_test"], vi["t_test"])
    assert en_out[-1] == vi_out[-1] == "test_accuracy=0.9000"
    assert vi_out[-2] == "mất mát trên tập kiểm tra 0.2500"
    assert vi["CLASS_NAMES"][0] == "Áo thun/áo phông"


def test_the_vietnamese_settings_table_names_the_choices_as_the_window_does():
    """The form says "entropy chéo", not "ce": the table gives the window's words, with the
    setting's own name beside them (the name the code and the CLI use)."""
    nb = nbformat.reads(
        export_text(from_preset("fashion-mlp-lab"), "pytest", True, "vi"), as_version=4
    )
    title = nb.cells[0].source
    assert "| mất mát | entropy chéo (`ce`) |" in title
    assert "| bộ tối ưu | Adam (`adam`), tốc độ học 0,001 |" in title
    english = nbformat.reads(
        export_text(from_preset("fashion-mlp-lab"), "pytest", True), as_version=4
    )
    # walk70 L6: the English table said "ce", "gd", "unit" where the window says its words
    assert "| loss | cross-entropy (`ce`) |" in english.cells[0].source
    gd = nbformat.reads(export_text(from_preset("mnist-gd"), "pytest", True), as_version=4)
    table = gd.cells[0].source
    assert "| optimiser | gradient descent (full batch), `gd`, learning rate 0.5 |" in table
    assert "| inputs | [0, 1] (x / 255), `unit` |" in table


def test_the_notebooks_caveat_says_whose_spread_it_measured():
    """walk70 L6: an MNIST GD notebook said "Measured on the fashion-mlp-lab preset" as if of
    its own settings. Another experiment's notebook says the figures are another preset's;
    fashion-mlp-lab's own (any seed) keeps its caveat."""
    for language in ("en", "vi"):
        gd = export_text(from_preset("mnist-gd"), "pytest", True, language)
        lab = from_preset("fashion-mlp-lab")
        lab = dataclasses.replace(lab, config=lab.config.replace(seed=3))
        own = export_text(lab, "pytest", True, language)
        other = {
            "en": "Measured on another preset, fashion-mlp-lab, not on these settings",
            "vi": "Đo trên một cấu hình mẫu khác, fashion-mlp-lab",
        }[language]
        assert other in gd and other not in own
        same = {
            "en": "Measured on the fashion-mlp-lab preset with seeds",
            "vi": "Đo trên cấu hình mẫu fashion-mlp-lab với các hạt giống",
        }[language]
        assert same in own and same not in gd


def _decimal_points(markdown: str) -> list[str]:
    """The numbers written with a decimal point in ``markdown``'s prose: outside its code
    (`...` spans), neither digit groups ("10.000") nor a version ("TensorFlow 2.16")."""
    prose = re.sub(r"`[^`]*`", "", markdown).replace("TensorFlow 2.16", "")
    numbers = re.findall(r"(?<![\w.,])\d+(?:[.,]\d+)+(?![\w])", prose)
    return [n for n in numbers if "." in n and not re.fullmatch(r"\d{1,3}(\.\d{3})+", n)]


def test_a_vietnamese_scripts_docstring_writes_every_number_with_a_decimal_comma(both):
    """walk57 D3, the script's header: "huấn luyện bằng Adam (tốc độ học 0.001)", the steered
    changes "lr 0.005 (epoch 1, batch 2)"; the code below keeps its points."""
    for name, (english, vietnamese, _) in both.items():
        said = ast.get_docstring(ast.parse(vietnamese)) or ""
        assert _decimal_points(said) == [], (name, said)
        assert english.count("LR = ") == vietnamese.count("LR = ")
    header = ast.get_docstring(ast.parse(both["steered-momentum-784-8-10"][1]))
    assert "tốc độ học 0,005 (epoch 1, batch 2)" in header, header


def test_a_vietnamese_notebooks_prose_writes_every_number_with_a_decimal_comma(notebooks):
    """walk57 D3: the settings table read "tốc độ học 0.001" beside "[-1; 1] (x / 127,5 - 1)"
    (the window's label), and the prose "[-1, 1]: x / 127.5 - 1": one convention in the prose,
    the window's; the code keeps Python's points."""
    for name, (english, vietnamese, _) in notebooks.items():
        for cell in vietnamese.cells:
            if cell.cell_type == "markdown":
                assert _decimal_points(cell.source) == [], (name, cell.source)
                prose = re.sub(r"`[^`]*`", "", cell.source)
                assert "[0, 1]" not in prose and "[-1, 1]" not in prose, (name, cell.source)
        english_points = [
            n for c in english.cells if c.cell_type == "markdown" for n in _decimal_points(c.source)
        ]
        assert "," not in "".join(english_points)  # English keeps its points
    said = notebooks["steered-momentum-784-8-10"][1].cells
    record = next(c.source for c in said if "tốc độ học 0,005" in c.source)
    assert "epoch 1, batch 2: tốc độ học 0,005" in record and "lr 0.005" not in record


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_scripts_help_says_the_whole_first_paragraph_of_its_docstring(tmp_path, language):
    """A newcomer's walk: the Vietnamese script's --help stopped mid-phrase ("…, viết"): it
    took the docstring's first line, and the Vietnamese summary wraps onto a second."""
    import subprocess
    import sys

    text = export_text(from_preset("fashion-mlp-lab"), "nndesk export-script", language=language)
    path = tmp_path / "exported.py"
    path.write_text(text, encoding="utf-8")
    shown = subprocess.run(
        [sys.executable, str(path), "--help"], capture_output=True, text=True, check=True
    ).stdout
    summary = (ast.get_docstring(ast.parse(text)) or "").split("\n\n")[0]
    assert len(summary.split()) > 5
    assert " ".join(summary.split()) in " ".join(shown.split())


def test_the_header_of_a_run_exported_from_the_vietnamese_window_names_its_path_in_vietnamese():
    """lab56: "Tạo bằng: the nndesk window, Train > Export code > Export the run on show as
    notebook… (in Tiếng Việt: …)" stood English in the Vietnamese notebook."""
    from nndesk.codegen.words import Words

    path = "Huấn luyện > Xuất mã > Xuất lượt chạy đang hiện thành notebook Keras/TensorFlow…"
    for kind in ("script", "notebook"):
        command = (
            f"the nndesk window, Train page > Export code > Export the run on show as {kind}… "
            f"(in Tiếng Việt: {path})"
        )
        assert Words("vi").command(command) == f"cửa sổ nndesk, {path}"


def test_a_preset_runs_script_is_named_and_titled_by_its_preset_and_reads_right_in_vietnamese(
    tmp_path,
):
    """walk65 D14: "run_20261207_003647_014e186.py", its vi docstring saying "python
    THIS_FILE.py" and carrying the run's English tag "(fashion 784-64-64-10 relu adam lr=0.001
    batch=32 symmetric)"."""
    from nndesk.codegen import from_run, write_export
    from nndesk.presets import PresetOrigin, get_preset
    from nndesk.run_titles import describe_config
    from nndesk.runs import RunStore

    store = RunStore(tmp_path / "runs")
    config = get_preset("fashion-mlp-lab").config.to_dict()
    record = store.create(config, describe_config(config), preset=PresetOrigin("fashion-mlp-lab"))
    record.release_lock()
    experiment = from_run(record.run_id, root=store.root)
    assert experiment.file_stem == "fashion_mlp_lab"
    assert experiment.origin == f"run {record.run_id} (preset fashion-mlp-lab)"
    path = write_export(experiment, tmp_path / "bài lab 1.py", "pytest", language="vi")
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc.startswith("fashion-mlp-lab: mạng 784-64-64-10 cho fashion")
    said = " ".join(doc.split())
    assert f"Xuất bởi nndesk từ lượt chạy {record.run_id} (cấu hình mẫu fashion-mlp-lab)" in said
    assert "Cách chạy: python 'bài lab 1.py' --data-dir DIR" in said
    assert "THIS_FILE" not in doc and "relu adam" not in doc and "lr=" not in doc

    edited = store.create(config, preset=PresetOrigin("fashion-mlp-lab", changed=True))
    edited.release_lock()
    experiment = from_run(edited.run_id, root=store.root)
    assert experiment.file_stem == "fashion_mlp_lab_changed"  # as the Runs table names it
    text = Words("vi").origin(experiment.origin)
    assert text == f"lượt chạy {edited.run_id} (sửa từ cấu hình mẫu fashion-mlp-lab)"
    # a run of the person's own settings keeps its id, and a title of its own
    own = store.create(config, "Adam (race)")
    own.release_lock()
    assert from_run(own.run_id, root=store.root).origin == f"run {own.run_id} (Adam (race))"
    assert from_run(own.run_id, root=store.root).file_stem == f"run_{own.run_id}".replace("-", "_")
