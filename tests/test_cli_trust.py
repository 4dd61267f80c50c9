"""`nndesk calibrate`, and the calibration and robustness keys of `nndesk evaluate --json`."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest

from nndesk import cli
from nndesk.inference import Classifier
from nndesk.nn.serialization import load_model

TINY = ["--dataset", "mnist", "--arch", "784-32-10", "--batch-size", "16", "--epochs", "3"]


def last_json(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def trained(tiny_dir, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("model") / "tiny.npz"
    argv = ["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(out), "--json"]
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(argv) == 0
    return out, last_json(stdout.getvalue())


def test_training_fits_a_temperature_on_the_validation_split_and_stores_it(trained):
    path, result = trained
    cal = load_model(path).info["calibration"]
    assert cal["fitted_on"] == "validation" and cal["images"] > 0
    assert result["calibration"]["temperature"] == cal["temperature"]
    assert Classifier.from_file(path).temperature == cal["temperature"] != 1.0


def test_evaluate_json_adds_calibration_and_keeps_every_key(trained, tiny_dir, capsys):
    path, _ = trained
    assert cli.main(["evaluate", str(path), "--data-dir", str(tiny_dir), "--json"]) == 0
    result = last_json(capsys.readouterr().out)
    assert {"test_accuracy", "test_loss", "epochs", "per_class", "confusion", "history"} <= set(
        result
    )
    cal = result["calibration"]
    # fitted_on: what the file says; not_fitted_on only for a temperature fitted on a test half
    assert set(cal) == {"ece", "ece_calibrated", "temperature", "fitted_on"}
    assert cal["fitted_on"] == "validation"
    assert cal["temperature"] == Classifier.from_file(path).temperature
    assert 0 <= cal["ece"] <= 1 and 0 <= cal["ece_calibrated"] <= 1
    assert "robustness" not in result


def test_evaluate_robustness_json_gives_every_damage_in_natural_units(trained, tiny_dir, capsys):
    path, _ = trained
    argv = ["evaluate", str(path), "--data-dir", str(tiny_dir), "--robustness", "--json"]
    assert cli.main([*argv, "--robustness-images", "50"]) == 0
    rob = last_json(capsys.readouterr().out)["robustness"]
    assert set(rob) == {"noise", "rotation", "shift", "thickness", "occlusion"}
    assert [lvl for lvl, _ in rob["rotation"]] == [0, 15, 30, 45, 60, 90]
    for points in rob.values():
        assert all(len(p) == 2 and 0 <= p[1] <= 1 for p in points)


def test_calibrate_writes_the_temperature_in_place_keeping_permissions(
    trained, tiny_dir, tmp_path, capsys
):
    path = tmp_path / "copy.npz"
    path.write_bytes(trained[0].read_bytes())
    # a file without a temperature, as an older nndesk wrote it
    loaded = load_model(path)
    info = {k: v for k, v in loaded.info.items() if k != "calibration"}
    from nndesk.nn.serialization import save_model

    save_model(path, loaded.model, info, loaded.optimizer)
    os.chmod(path, 0o640)
    assert Classifier.from_file(path).temperature == 1.0
    assert cli.main(["calibrate", str(path), "--data-dir", str(tiny_dir), "--json"]) == 0
    result = last_json(capsys.readouterr().out)
    assert result["model"] == str(path) and result["fitted_on"] == "validation"
    assert Classifier.from_file(path).temperature == result["temperature"]
    assert (path.stat().st_mode & 0o777) == 0o640
    after = load_model(path)
    assert after.optimizer is not None and after.info["history"] == loaded.info["history"]


def test_calibrate_to_another_file_leaves_the_source_alone(trained, tiny_dir, tmp_path, capsys):
    source = trained[0]
    before = source.read_bytes()
    out = tmp_path / "calibrated.npz"
    assert cli.main(["calibrate", str(source), "-o", str(out), "--data-dir", str(tiny_dir)]) == 0
    assert source.read_bytes() == before and "calibration" in load_model(out).info
    assert "temperature" in capsys.readouterr().out


def test_calibrate_refuses_to_rewrite_a_model_inside_the_installed_package(
    trained, tiny_dir, tmp_path, monkeypatch, capsys
):
    package = trained[0].resolve()  # the installed package, as far as nndesk can tell
    monkeypatch.setattr(
        "nndesk.paths.inside_installed_package", lambda p: Path(p).resolve() == package
    )
    before = trained[0].read_bytes()
    assert cli.main(["calibrate", str(trained[0]), "--data-dir", str(tiny_dir)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "-o FILE" in err[0]
    assert trained[0].read_bytes() == before
    out = tmp_path / "mine.npz"
    assert (
        cli.main(["calibrate", str(trained[0]), "-o", str(out), "--data-dir", str(tiny_dir)]) == 0
    )


def test_the_installed_package_test_itself():
    from nndesk import paths

    package = Path(paths.__file__).parent
    assert paths.inside_installed_package(package / "weights" / "x.npz")
    assert not paths.inside_installed_package(package.parent / "weights" / "x.npz")


def test_calibrate_bad_input_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    assert cli.main(["calibrate", str(bad)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert cli.main(["calibrate", "no-such-model"]) == 2


def test_calibrate_never_rewrites_a_shipped_model_named_by_its_name(
    trained, tiny_dir, tmp_path, monkeypatch, capsys
):
    """walk52 D2: `nndesk calibrate fashion-mlp` in README's editable install rewrote the
    shipped weights/fashion-mlp.npz in the checkout (the guard knew only an installed package)."""
    import shutil

    from nndesk import models

    shipped = tmp_path / "weights" / "tiny-shipped.npz"
    shipped.parent.mkdir()
    shutil.copyfile(trained[0], shipped)
    monkeypatch.setattr(models, "shipped_model_files", lambda *a: {"tiny-shipped": shipped})
    monkeypatch.chdir(tmp_path)  # no file called tiny-shipped here: the name is the model's
    before = shipped.read_bytes()
    argv = ["calibrate", "tiny-shipped", "--data-dir", str(tiny_dir), "--json"]
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip().splitlines()
    assert captured.out == "" and len(err) == 1
    assert "shipped model" in err[0] and "-o tiny-shipped-calibrated.npz" in err[0]
    assert shipped.read_bytes() == before
    out = tmp_path / "mine.npz"
    assert cli.main([*argv, "-o", str(out)]) == 0
    assert last_json(capsys.readouterr().out)["model"] == str(out)
    assert shipped.read_bytes() == before and "calibration" in load_model(out).info
    # a path, even to that file, is the user's own choice (weights/README.md's rebuild step)
    assert cli.main(["calibrate", str(shipped), "--data-dir", str(tiny_dir)]) == 0


@pytest.mark.parametrize("command", ["train", "calibrate"])
def test_out_and_o_never_replace_or_add_a_shipped_model(
    command, trained, tiny_dir, tmp_path, monkeypatch, capsys
):
    """walk54b D0: an editable install's weights/ is where the shipped models live: `--out` /
    `-o` into it is refused in one line, even with --force, and nothing is written."""
    import shutil

    from nndesk import paths

    weights = tmp_path / "weights"
    weights.mkdir()
    shipped = weights / "mnist-cnn.npz"
    shutil.copyfile(trained[0], shipped)
    monkeypatch.setattr(paths, "WEIGHTS_DIR", weights)
    before = shipped.read_bytes()
    for target in (shipped, weights / "new.npz"):
        if command == "train":
            argv = ["train", *TINY, "--data-dir", str(tiny_dir), "--out", str(target)]
        else:
            argv = ["calibrate", str(trained[0]), "--data-dir", str(tiny_dir), "-o", str(target)]
        assert cli.main([*argv, "--force"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "shipped models' folder" in err[0], err
    assert shipped.read_bytes() == before and sorted(weights.iterdir()) == [shipped]


def test_the_windows_report_json_carries_the_clis_trust_figures_under_its_keys(
    trained, tiny_dir, capsys
):
    """walk55 D8: Evaluate > Export > Report as JSON had no ECE, temperature, coverage nor
    robustness, and named accuracy and loss otherwise than `nndesk evaluate --json`."""
    import warnings

    from nndesk import export
    from nndesk.cli.evaluate import _unfitted_half
    from nndesk.data import load_dataset
    from nndesk.evaluation import evaluate

    path, _ = trained
    assert cli.main(["evaluate", str(path), "--data-dir", str(tiny_dir), "--json"]) == 0
    from_cli = last_json(capsys.readouterr().out)
    clf = Classifier.from_file(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tiny files are not the published ones
        data = load_dataset("mnist", data_dir=tiny_dir)
    result = evaluate(clf, data.test_images, data.test_labels, batch_size=2048)
    curves = {"noise": [(0.0, 0.9), (0.5, 0.4)]}
    window = export.result_to_dict(result, threshold=0.6, robustness=curves)
    # the keys it had stay
    assert {"model", "accuracy", "loss", "report", "confusion", "mistakes"} <= set(window)
    assert window["test_accuracy"] == pytest.approx(from_cli["test_accuracy"])
    assert window["test_loss"] == pytest.approx(from_cli["test_loss"])
    assert set(window["calibration"]) == set(from_cli["calibration"])
    for key, value in from_cli["calibration"].items():
        assert window["calibration"][key] == (value if isinstance(value, str) else approx(value))
    confident = result.calibrated_confidence >= 0.6
    wrong = result.predictions != result.labels
    assert window["coverage"] == {
        "threshold": 0.6,
        "answered": pytest.approx(confident.mean()),
        "accuracy_answered": pytest.approx((~wrong[confident]).mean()),
        "confident_mistakes": int((confident & wrong).sum()),
    }
    assert window["robustness"] == {"noise": [[0.0, 0.9], [0.5, 0.4]]}
    assert "robustness" not in export.result_to_dict(result)  # not measured: not there
    # a temperature fitted on a test half (the shipped models): the other half, as the CLI
    clf.info["calibration"] = {**clf.info["calibration"], "fitted_on": "test-half"}
    halves = export.result_to_dict(result)["calibration"]
    expected = _unfitted_half(clf, data, result)["not_fitted_on"]
    assert halves["fitted_on"] == "test-half"
    assert halves["not_fitted_on"]["images"] == expected["images"]
    for key in ("ece", "ece_calibrated"):
        assert halves["not_fitted_on"][key] == pytest.approx(expected[key])


def approx(value):
    return value if value is None else pytest.approx(value)


def test_evaluate_saves_the_robustness_pictures_in_a_folder_it_makes(
    trained, tiny_dir, tmp_path, capsys
):
    """fixI #2: the command measured the damage and gave no picture of it."""
    from PIL import Image

    path, _ = trained
    folder = tmp_path / "slides" / "robust"  # made, parents too
    argv = ["evaluate", str(path), "--data-dir", str(tiny_dir), "--json"]
    argv += ["--robustness-pictures", str(folder), "--robustness-images", "20"]
    assert cli.main(argv) == 0  # --robustness-pictures alone measures the damage
    result = last_json(capsys.readouterr().out)
    kinds = ["noise", "rotation", "shift", "thickness", "occlusion"]
    assert list(result["robustness"]) == kinds  # the curves, as --robustness gives them
    pictures = result["robustness_pictures"]
    assert pictures["figure"] == str(folder / "tiny-robustness.png")
    assert pictures["kinds"] == {k: str(folder / f"tiny-robustness-{k}.png") for k in kinds}
    # every file written whole and nothing else left there (atomic writes, no temp file)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        Path(p).name for p in [pictures["figure"], *pictures["kinds"].values()]
    )
    with Image.open(pictures["figure"]) as picture:
        assert picture.format == "PNG" and picture.width >= 1200  # 1100 px at 150 dpi, margins cut
        assert picture.convert("RGB").getpixel((2, 2)) == (255, 255, 255)  # print: on white
    with Image.open(pictures["kinds"]["noise"]) as one:
        assert one.height < picture.height / 3  # one damage's row
    examples = result["robustness_examples"]
    assert list(examples) == kinds
    for kind in kinds:
        rows = examples[kind]
        assert [r["level"] for r in rows] == [lvl for lvl, _ in result["robustness"][kind]]
        assert len({r["test_index"] for r in rows}) == 1  # one image at every level
        assert all(set(r) == {"level", "test_index", "label", "predicted"} for r in rows)


@pytest.mark.parametrize("where", ["file", "under a file"])
def test_a_robustness_pictures_path_that_is_no_folder_is_one_line_and_exit_2(
    trained, tiny_dir, tmp_path, capsys, where
):
    path, _ = trained
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    folder = blocker if where == "file" else blocker / "pictures"
    argv = ["evaluate", str(path), "--data-dir", str(tiny_dir)]
    assert cli.main([*argv, "--robustness-pictures", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # said before the model is even read: no report, no minutes of damage
    assert err.count("\n") == 1 and err.startswith("nndesk: error: --robustness-pictures ")
    assert "Traceback" not in err and blocker.read_text() == "mine"
