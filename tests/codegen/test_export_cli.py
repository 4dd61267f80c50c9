"""`nndesk export-script`: from a preset, a model file or a run; bad input is one line, exit 2."""

from __future__ import annotations

import ast
import warnings

import nbformat
import pytest

from nndesk import cli
from nndesk.plain_text import one_line
from nndesk.runs import RunStore
from nndesk.training import TrainConfig, prepare, train

SMALL = TrainConfig(dataset="fashion", arch="784-24-10", epochs=1, batch_size=32)


@pytest.fixture(scope="module")
def trained_model(tmp_path_factory, blob_dir):
    """A model file trained by nndesk on the blob folder, with its settings in the header."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        session = prepare(SMALL, data_dir=blob_dir)
    for _ in train(session):
        pass
    return session.save(tmp_path_factory.mktemp("model") / "blobs-24.npz")


def test_a_preset_becomes_a_script_and_the_command_says_where(tmp_path, capsys):
    out = tmp_path / "fashion_mlp.py"
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    ast.parse(text)
    assert "nndesk export-script --preset fashion-mlp-lab -o" in text


def test_notebook_writes_a_valid_keras_notebook(tmp_path):
    out = tmp_path / "cnn.ipynb"
    assert (
        cli.main(["export-script", "--preset", "fashion-cnn-lab", "-o", str(out), "--notebook"])
        == 0
    )
    nbformat.validate(nbformat.read(out, as_version=4))


def test_a_notebooks_data_dir_is_the_folder_train_would_read(tmp_path, blob_dir, monkeypatch):
    """walk65 D15: DATA_DIR said "data" whatever folder nndesk read; a folder without the files
    is not named (the notebook downloads then)."""
    monkeypatch.setenv("NNDESK_DATA_DIR", str(blob_dir))
    out = tmp_path / "lab.ipynb"
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(out)]) == 0
    setup = nbformat.read(out, as_version=4).cells[2].source
    assert f"DATA_DIR = {str(blob_dir)!r}  # where nndesk read them" in setup
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "empty"))
    assert (
        cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(out), "--force"]) == 0
    )
    assert 'DATA_DIR = "data"  #' in nbformat.read(out, as_version=4).cells[2].source


def test_an_ipynb_name_gets_a_notebook_without_the_flag(tmp_path, capsys):
    """A Python script written into "lab.ipynb" would not open in Jupyter (probe 4)."""
    out = tmp_path / "lab.ipynb"
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(out)]) == 0
    nbformat.validate(nbformat.read(out, as_version=4))
    assert "a Keras notebook" in capsys.readouterr().out


def test_a_notebook_named_without_ipynb_gets_it_and_says_so(tmp_path, capsys):
    """walk53 #11: `--notebook -o run3l_nb` wrote "run3l_nb", which Jupyter would not open; a
    file already named so is not replaced."""
    out = tmp_path / "run3l_nb"
    argv = ["export-script", "--preset", "fashion-mlp-lab", "--notebook", "-o", str(out)]
    assert cli.main(argv) == 0
    assert not out.exists()
    nbformat.validate(nbformat.read(tmp_path / "run3l_nb.ipynb", as_version=4))
    said = capsys.readouterr().out
    assert f"wrote {out}.ipynb (.ipynb added" in said
    assert cli.main(argv) == 2  # the .ipynb there now is not replaced without --force
    assert "run3l_nb.ipynb: that file exists" in capsys.readouterr().err


def test_a_model_file_exports_the_experiment_that_trained_it(trained_model, tmp_path):
    out = tmp_path / "again.py"
    assert cli.main(["export-script", str(trained_model), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "model file blobs-24.npz" in text and "784-24-10" in text
    assert "EPOCHS = 1\n" in text and "BATCH_SIZE = 32" in text


def test_a_shipped_model_exports_its_recipe_by_name(tmp_path):
    out = tmp_path / "shipped.py"
    assert cli.main(["export-script", "fashion-cnn", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    # the shipped file records its last stage: the dense layer widened to 512
    assert "model file fashion-cnn.npz" in text and "784-c32-bn-p-c64-bn-p-512-10" in text


def test_a_run_exports_its_settings(tmp_path):
    record = RunStore().create(SMALL.replace(arch="784-48-10", lr=0.003).to_dict())
    out = tmp_path / "run.py"
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert f"run {record.run_id}" in text and "LEARNING_RATE = 0.003" in text


INJECTIONS = [
    '""";import os;os.system(\'touch PWNED\');"""',  # ends the docstring, runs code
    "a \\N{x} \\x and \\ trailing \\",  # escapes that would not even compile
    "nul\x00 esc\x1b[2J bidi\u202e surrogate\udcff",
]


@pytest.mark.parametrize("title", INJECTIONS)
def test_a_shared_runs_title_cannot_put_code_into_the_exported_script(tmp_path, title):
    """A run folder copied from someone else: its run.json's title goes into the script's
    docstring. It must stay text there, however it is quoted."""
    store = RunStore()
    record = store.create(SMALL.to_dict(), title=title)
    out = tmp_path / "run.py"
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(out)]) == 0
    tree = ast.parse(out.read_text(encoding="utf-8"))  # it compiles
    docstring = ast.get_docstring(tree, clean=False)
    # titles are read as one line without control or bidi characters (plain_text.one_line)
    assert one_line(title) in " ".join(docstring.split())
    calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert not any(isinstance(f, ast.Attribute) and f.attr == "system" for f in calls)
    # the docstring is the whole first statement: nothing runs between it and the imports
    assert isinstance(tree.body[0], ast.Expr) and isinstance(
        tree.body[1], ast.Import | ast.ImportFrom
    )


def _bad_cases(tmp_path, tiny_model_file):
    not_a_model = tmp_path / "notes.npz"
    not_a_model.write_text("not a model", encoding="utf-8")
    folder_run = RunStore().create(SMALL.replace(dataset=str(tmp_path / "my-images")).to_dict())
    return {
        "unknown preset": ["--preset", "fashoin-mlp"],
        "bad model file": [str(not_a_model)],
        "missing model file": [str(tmp_path / "missing.npz")],
        "model without settings": [str(tiny_model_file)],
        "unknown run": ["--run", "20260101-000000-000abcd"],
        "run id with a path": ["--run", "../outside"],
        "image-folder run": ["--run", folder_run.run_id],
        "no source": [],
        "two sources": ["--preset", "fashion-mlp-lab", "--run", folder_run.run_id],
    }


CASES = [
    "unknown preset", "bad model file", "missing model file", "model without settings",
    "unknown run", "run id with a path", "image-folder run", "no source", "two sources",
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(
    case, tmp_path, tiny_model_file, capsys
):
    out = tmp_path / "out.py"
    argv = ["export-script", *_bad_cases(tmp_path, tiny_model_file)[case], "-o", str(out)]
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("nndesk: error:"), err
    assert not out.exists()


def test_o_naming_an_existing_file_is_refused_in_one_line_and_the_file_kept(tmp_path, capsys):
    """A slip of the name (-o train.py over the learner's own script) must not cost the file."""
    mine = tmp_path / "train.py"
    mine.write_text("# my own script\n", encoding="utf-8")
    argv = ["export-script", "--preset", "fashion-mlp-lab", "-o", str(mine)]
    assert cli.main(argv) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line == (
        f"nndesk: error: -o {mine}: that file exists; choose another name, or add --force to "
        "replace it"
    )
    assert mine.read_text(encoding="utf-8") == "# my own script\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["train.py"]  # no temp file left

    assert cli.main([*argv, "--force"]) == 0
    ast.parse(mine.read_text(encoding="utf-8"))
    assert "nndesk export-script --preset fashion-mlp-lab" in mine.read_text(encoding="utf-8")


def test_a_file_made_while_the_script_is_generated_is_not_replaced(tmp_path, monkeypatch):
    """The check and the write are apart: the write itself refuses to replace (atomically)."""
    from nndesk import codegen

    out = tmp_path / "late.py"
    real = codegen.export_text

    def slow_export_text(*args, **kwargs):
        out.write_text("made meanwhile", encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(codegen, "export_text", slow_export_text)
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "made meanwhile"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.py"]


def test_a_continued_model_exports_every_epoch_it_trained(tmp_path, blob_dir):
    """A model trained 1 epoch, then continued with --epochs 2, has trained 3: its script and
    its run's script train 3 (the continued run's setting counts only its own 2)."""
    from dataclasses import replace

    from nndesk.nn.serialization import load_model
    from nndesk.run_curves import Curves

    first, more = tmp_path / "first.npz", tmp_path / "more.npz"
    train = ["train", "--data-dir", str(blob_dir), "--dataset", "fashion", "--arch", "784-8-10"]
    assert cli.main([*train, "--epochs", "1", "--out", str(first)]) == 0
    assert cli.main([*train, "--resume", str(first), "--epochs", "2", "--out", str(more)]) == 0
    info = load_model(more).info
    assert info["config"]["epochs"] == 2 and len(info["history"]) == 3
    # the Train page's record of that continued run: its settings and all its curves
    store = RunStore()
    record = store.create(info["config"], resumed_from=str(first))
    store.save(replace(record, curves=Curves.from_history(info["history"])))
    for source in ([str(more)], ["--run", record.run_id]):
        out = tmp_path / "again.py"
        assert cli.main(["export-script", *source, "-o", str(out), "--force"]) == 0
        assert "EPOCHS = 3\n" in out.read_text(encoding="utf-8"), source
    out = tmp_path / "first.py"
    assert cli.main(["export-script", str(first), "-o", str(out)]) == 0
    assert "EPOCHS = 1\n" in out.read_text(encoding="utf-8")  # a model trained once: unchanged


def test_lang_vi_writes_the_script_in_vietnamese_and_says_so_in_its_header(tmp_path, capsys):
    out = tmp_path / "vi.py"
    args = ["export-script", "--preset", "fashion-mlp-lab", "-o", str(out), "--lang", "vi"]
    assert cli.main(args) == 0
    text = out.read_text(encoding="utf-8")
    header = " ".join(text.split('"""')[1].split())
    assert f"Tạo bằng: nndesk export-script --preset fashion-mlp-lab -o {out} --lang vi" in header
    assert "# -- các cài đặt của thí nghiệm -" in text and "Exported by" not in text
    english = tmp_path / "en.py"
    assert cli.main(["export-script", "--preset", "fashion-mlp-lab", "-o", str(english)]) == 0
    assert "Exported by nndesk from preset fashion-mlp-lab" in english.read_text(encoding="utf-8")


def test_an_unknown_lang_exits_2_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "fr.py"
    argv = ["export-script", "--preset", "fashion-mlp-lab", "-o", str(out), "--lang", "fr"]
    assert cli.main(argv) == 2 and not out.exists()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "invalid choice: 'fr'" in err[0], err


def test_a_run_stopped_early_says_where_it_stopped_and_which_epochs_come_closest(tmp_path):
    """walk51 D12: a run stopped after 915 of 938 batches of epoch 1 exported "EPOCHS = 10"
    with nothing saying it stopped, so the script trained 10 full epochs."""
    store = RunStore()
    record = store.create(SMALL.replace(epochs=10).to_dict())
    # every other batch, as the window's curve may hold them: only the share is certain
    record.curves.batch_x = [b / 938 for b in range(1, 916, 2)]
    record.curves.batch_loss = [0.5] * len(record.curves.batch_x)
    record.status = "stopped"
    store.save(record)
    script, notebook = tmp_path / "run.py", tmp_path / "run.ipynb"
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(script)]) == 0
    text = script.read_text(encoding="utf-8")
    assert "EPOCHS = 10\n" in text  # the run's own settings, as before
    said = " ".join(text.split('"""')[1].split())  # the header, its lines joined
    assert (
        "The run was stopped 97% of the way through epoch 1 of 10. This script trains all 10 "
        "(EPOCHS); --epochs 1 comes closest to the model the run saved."
    ) in said
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(notebook)]) == 0
    assert "97% of the way through epoch 1: epochs=1 comes closest" in notebook.read_text("utf-8")


def test_a_run_that_trained_every_epoch_says_nothing_of_stopping(tmp_path):
    store = RunStore()
    record = store.create(SMALL.replace(epochs=2).to_dict())
    record.curves.batch_x = [b / 10 for b in range(1, 21)]
    record.curves.batch_loss = [0.5] * 20
    record.status = "completed"
    store.save(record)
    out = tmp_path / "run.py"
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(out)]) == 0
    assert "was stopped" not in out.read_text(encoding="utf-8")


def test_a_run_exports_by_the_name_nndesk_models_prints_too(tmp_path):
    """walk52 D9: `nndesk models` names a run "run 2026-12-05 10:25:12"; --run takes it."""
    record = RunStore().create(SMALL.replace(lr=0.003).to_dict())
    stamp = record.run_id[:15]
    name = f"run {stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[9:11]}:{stamp[11:13]}:{stamp[13:]}"
    out = tmp_path / "run.py"
    assert cli.main(["export-script", "--run", name, "-o", str(out)]) == 0
    assert f"run {record.run_id}" in out.read_text(encoding="utf-8")


def test_a_damaged_run_is_named_with_its_file(tmp_path, capsys):
    """walk52 D9: "run.json is not valid JSON (…)" named neither the run nor the file."""
    record = RunStore().create(SMALL.to_dict())
    (record.folder / "run.json").write_text('{"title": "bad\x01"}', encoding="utf-8")
    assert cli.main(["export-script", "--run", record.run_id, "-o", str(tmp_path / "r.py")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and record.run_id in err[0] and str(record.folder / "run.json") in err[0]
