"""The shipped models in weights/ still reach the accuracy their recipes promise.

Scored exactly as ``nndesk evaluate weights/<name>.npz --data-dir ... --json`` scores them, on the
published test splits in ../shared/data (skipped, with the reason, when that folder is absent).
"""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from nndesk import cli
from nndesk.data.registry import DATASETS
from nndesk.errors import NndeskError
from nndesk.inference import DEFAULT_MODELS
from nndesk.nn.serialization import FORMAT_VERSION, load_model
from tools.build_weights import RECIPES, WEIGHTS_DIR

README = WEIGHTS_DIR.parent / "README.md"

NAMES = list(RECIPES)


@pytest.mark.parametrize("name", NAMES)
def test_shipped_model_reaches_its_test_accuracy(name, shared_data, capsys):
    recipe = RECIPES[name]
    path = WEIGHTS_DIR / f"{name}.npz"
    data_dir = shared_data / DATASETS[recipe.config.dataset].folder_names[0]
    assert cli.main(["evaluate", str(path), "--data-dir", str(data_dir), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert payload["dataset"] == recipe.config.dataset
    assert payload["test_accuracy"] >= recipe.target, (name, payload["test_accuracy"])
    # walk52 D22: README's calibration row for fashion-mlp still held an older file's figures
    calibration = payload["calibration"]
    halves = calibration["not_fitted_on"]
    said = (
        f"| `{name}` | {calibration['temperature']:.3f} "
        f"| {calibration['ece']:.4f} / {calibration['ece_calibrated']:.4f} "
        f"| {halves['ece']:.4f} / {halves['ece_calibrated']:.4f} |"
    )
    rows = [
        line
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"| `{name}` | ")
    ]
    assert said in rows, f"README's calibration table should read {said!r}; it has {rows}"


@pytest.mark.parametrize("name", NAMES)
def test_shipped_file_is_small_versioned_and_pickle_free(name):
    path = WEIGHTS_DIR / f"{name}.npz"
    assert path.stat().st_size < 10_000_000  # fashion-cnn, the largest, 6.5 MB
    with zipfile.ZipFile(path) as z:
        # every member is a plain .npy array: np.load(allow_pickle=False) reads them all
        assert all(n.endswith(".npy") for n in z.namelist())
    with np.load(path, allow_pickle=False) as arrays:
        assert all(arrays[k].dtype != object for k in arrays.files)
        header = json.loads(arrays["header"].tobytes().decode("utf-8"))
    assert header["format"] == "nndesk-model"
    assert header["format_version"] == FORMAT_VERSION
    loaded = load_model(path)
    assert loaded.optimizer is None  # shipped without optimizer state, to stay small
    assert loaded.info["config"]["dataset"] == RECIPES[name].config.dataset
    assert loaded.info["config"]["seed"] == RECIPES[name].config.seed
    assert loaded.info["metrics"]["test_accuracy"] >= RECIPES[name].target


def test_the_shipped_fashion_cnn_was_made_by_its_recipes_last_stage():
    """The file's build facts are those of the recipe's last stage (the twentieth round's hand
    stages), so the one-command recipe makes the file that ships."""
    from tools.build_weights import CNN_HAND_SETS
    from tools.hand_train import HAND_SEED

    stages = RECIPES["fashion-cnn"].stages()
    built = load_model(WEIGHTS_DIR / "fashion-cnn.npz").info["build"]
    assert built["stages"] == len(stages) == 9
    assert built["hand_copies"] == stages[-1].hand == 40
    assert built["hand_seed"] == stages[-1].hand_seed
    # the second, third and fourth sets (the fifth came after this file)
    assert CNN_HAND_SETS == ("second", "third", "fourth")
    assert built["hand_sets"] == list(CNN_HAND_SETS) and built["photos"] == 2
    # the copies are not the nineteenth round's (1818-1820)
    assert [s.hand_seed for s in stages[-3:]] == [HAND_SEED + k for k in (3, 4, 5)]
    assert all(s.photos == 2 and s.hand_sets == CNN_HAND_SETS for s in stages[-3:])


def test_every_default_model_of_the_app_is_shipped():
    for names in DEFAULT_MODELS.values():
        assert (WEIGHTS_DIR / f"{names[0]}.npz").is_file()
        assert names[0].endswith("-cnn")  # the CNNs are the defaults


def test_training_resumes_from_a_shipped_file(shared_data):
    from nndesk.training import TrainConfig, prepare

    path = WEIGHTS_DIR / "mnist-mlp.npz"
    session = prepare(
        TrainConfig(dataset="mnist", epochs=1), data_dir=shared_data / "mnist", resume=path
    )
    assert session.epochs_done == RECIPES["mnist-mlp"].config.epochs
    assert session.config.arch == RECIPES["mnist-mlp"].config.arch
    assert session.optimizer is not None  # a fresh one: the file holds no optimizer state


# -- the build command itself, on the tiny synthetic dataset (no shared data needed) -------------
def test_build_trains_a_recipe_through_the_training_loop_and_saves_it_small(tiny_idx_dir, tmp_path):
    import dataclasses

    from tools.build_weights import build

    recipe = RECIPES["mnist-cnn"]
    recipe = dataclasses.replace(recipe, config=recipe.config.replace(arch="784-c4-p-16-10"))
    lines: list[str] = []
    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        facts = build(recipe, tiny_idx_dir, tmp_path, epochs=1, log=lines.append)
    assert facts["name"] == "mnist-cnn" and facts["epochs"] == 1
    assert 0.0 <= facts["test_accuracy"] <= 1.0 and facts["seconds"] >= 0  # rounded to 0.1 s
    assert any(line.startswith("mnist-cnn epoch 1/1") for line in lines)
    loaded = load_model(tmp_path / "mnist-cnn.npz")
    assert loaded.optimizer is None
    assert loaded.info["metrics"]["test_accuracy"] == facts["test_accuracy"]
    assert loaded.info["build"]["recipe"] == "mnist-cnn"
    assert len(loaded.info["history"]) == 1


def test_pen_variation_thickens_and_thins_training_images_only():
    from nndesk.data import Dataset
    from tools.build_weights import vary_pen

    rng = np.random.default_rng(0)
    images = np.zeros((300, 28, 28), np.uint8)
    images[:, 8:20, 12:15] = 255  # a 3 px bar
    images[:, 8:20, 11] = images[:, 8:20, 15] = 100  # antialiased edges
    ds = Dataset("mnist", tuple("0123456789"), "digits", images, rng.integers(0, 10, 300),
                 images[:5].copy(), np.zeros(5, np.int64))  # fmt: skip
    varied = vary_pen(ds, 2 / 3, seed=0)
    ink = varied.train_images.reshape(300, -1).astype(np.int64).sum(axis=1)
    before = int(images[0].astype(np.int64).sum())
    thicker, thinner, same = ink > before, ink < before, ink == before
    assert 70 < thicker.sum() < 130 and 70 < thinner.sum() < 130 and same.sum() > 70
    assert (varied.train_images[thinner].max(axis=(1, 2)) == 255).all()  # cores kept
    assert np.array_equal(varied.test_images, ds.test_images)
    assert np.array_equal(varied.train_labels, ds.train_labels)
    assert vary_pen(ds, 0.0, seed=0) is ds


def test_a_two_stage_recipe_goes_on_from_its_first_stage(tiny_idx_dir, tmp_path):
    import dataclasses

    from tools.build_weights import build

    first = RECIPES["mnist-mlp"].config.replace(arch="784-16-10", epochs=1, augment=False)
    recipe = dataclasses.replace(
        RECIPES["mnist-mlp"], config=first, then=first.replace(sketch=0.5), stroke=0.0
    )
    lines: list[str] = []
    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        facts = build(recipe, tiny_idx_dir, tmp_path / "both", log=lines.append)
    both = load_model(tmp_path / "both" / "mnist-mlp.npz")
    assert facts["epochs"] == 2 and len(both.info["history"]) == 2
    assert both.info["config"]["sketch"] == 0.5 and both.info["build"]["stages"] == 2
    assert sorted(p.name for p in (tmp_path / "both").iterdir()) == ["mnist-mlp.npz"]
    # from a ready first stage only the second is trained, on from the given file's history
    with pytest.warns(UserWarning):
        facts = build(
            recipe, tiny_idx_dir, tmp_path / "second", log=lines.append,
            first_stage=tmp_path / "both" / "mnist-mlp.npz",
        )  # fmt: skip
    second = load_model(tmp_path / "second" / "mnist-mlp.npz")
    assert facts["epochs"] == 1 and len(second.info["history"]) == 3
    assert second.info["build"]["first_stage"] == "mnist-mlp.npz"


def test_a_three_stage_recipe_trains_each_stage_with_its_own_sketches(tiny_idx_dir, tmp_path):
    import dataclasses

    from tools.build_weights import PLAIN_SKETCHES, Stage, build

    first = RECIPES["fashion-mlp"].config.replace(
        dataset="mnist", arch="784-16-10", epochs=1, augment=False
    )
    recipe = dataclasses.replace(
        RECIPES["fashion-mlp"],
        config=first,
        first=None,
        then=(Stage(first.replace(sketch=0.5), PLAIN_SKETCHES), Stage(first.replace(sketch=0.25))),
    )
    assert [s.sketch for s in recipe.stages()] == [None, PLAIN_SKETCHES, None]
    lines: list[str] = []
    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        facts = build(recipe, tiny_idx_dir, tmp_path / "all", log=lines.append)
    made = load_model(tmp_path / "all" / "fashion-mlp.npz")
    assert facts["epochs"] == 3 and len(made.info["history"]) == 3
    assert made.info["build"]["stages"] == 3
    strengths = made.info["build"]["sketch_strengths"]
    assert strengths["share"] == 0.25 and strengths["mirror"] > 0  # the last stage's: defaults
    assert sorted(p.name for p in (tmp_path / "all").iterdir()) == ["fashion-mlp.npz"]
    with pytest.warns(UserWarning):
        facts = build(
            recipe, tiny_idx_dir, tmp_path / "last", log=lines.append,
            first_stage=tmp_path / "all" / "fashion-mlp.npz",
        )  # fmt: skip
    last = load_model(tmp_path / "last" / "fashion-mlp.npz")
    assert facts["epochs"] == 1 and len(last.info["history"]) == 4  # only the last stage ran


def test_a_stage_with_drawings_trains_on_them_too_and_records_how_many(tiny_idx_dir, tmp_path):
    import dataclasses

    from nndesk.data import load_dataset
    from tools.build_weights import Stage, build, with_drawings

    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        ds = load_dataset("mnist", data_dir=tiny_idx_dir)
    more = with_drawings(ds, 20)
    n = len(ds.train_labels)
    assert more.train_images.shape == (n + 20, 28, 28) and more.train_images.dtype == np.uint8
    assert np.array_equal(more.train_images[:n], ds.train_images)
    assert np.array_equal(more.train_labels[n:], np.arange(20) % 10)  # every class in turn
    assert (more.train_images[n:].reshape(20, -1).max(axis=1) > 200).all()  # drawn, not blank
    assert np.array_equal(more.test_images, ds.test_images) and with_drawings(ds, 0) is ds

    first = RECIPES["fashion-mlp"].config.replace(
        dataset="mnist", arch="784-16-10", epochs=1, augment=False
    )
    recipe = dataclasses.replace(
        RECIPES["fashion-mlp"],
        config=first,
        first=None,
        then=Stage(first.replace(sketch=0.25), drawings=30),
    )
    lines: list[str] = []
    with pytest.warns(UserWarning):
        build(recipe, tiny_idx_dir, tmp_path / "out", log=lines.append, cache=str(tmp_path / "c"))
    made = load_model(tmp_path / "out" / "fashion-mlp.npz")
    assert made.info["build"]["drawings"] == 30 and len(made.info["history"]) == 2
    assert any("30 generated drawings" in line for line in lines)
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["garment-drawings-3017-30.npz"]


def test_a_one_stage_recipe_can_train_on_drawings_from_the_start(tiny_idx_dir, tmp_path):
    import dataclasses

    from tools.build_weights import MIRRORED_SKETCHES, Stage, build

    config = RECIPES["fashion-mlp"].config.replace(
        dataset="mnist", arch="784-16-10", epochs=1, augment=False, sketch=0.25
    )
    recipe = dataclasses.replace(
        RECIPES["fashion-mlp"],
        config=config,
        then=None,
        # the first stage's settings are the recipe's own, whatever config its Stage holds
        first=Stage(config.replace(epochs=9), MIRRORED_SKETCHES, drawings=20, wide=0.5),
    )
    (stage,) = recipe.stages()
    assert stage.config == config and stage.drawings == 20 and stage.sketch == MIRRORED_SKETCHES
    lines: list[str] = []
    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        facts = build(recipe, tiny_idx_dir, tmp_path / "out", log=lines.append)
    made = load_model(tmp_path / "out" / "fashion-mlp.npz")
    assert facts["epochs"] == 1 and len(made.info["history"]) == 1
    build_info = made.info["build"]
    assert build_info["stages"] == 1 and build_info["drawings"] == 20
    assert build_info["wide_drawings"] == 0.5 and build_info["sketch_strengths"]["mirror"] == 0.5
    assert any("20 generated drawings" in line for line in lines)


def test_a_stage_can_show_the_photos_twice_an_epoch_and_records_it(tiny_idx_dir, tmp_path):
    import dataclasses

    from nndesk.data import load_dataset
    from tools.build_weights import Stage, build, with_photos

    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        ds = load_dataset("mnist", data_dir=tiny_idx_dir)
    n = len(ds.train_labels)
    twice = with_photos(ds, 2)
    assert twice.train_images.shape == (2 * n, 28, 28) and len(twice.train_labels) == 2 * n
    assert np.array_equal(twice.train_images[n:], ds.train_images)
    assert np.array_equal(twice.train_labels[:n], twice.train_labels[n:])
    assert np.array_equal(twice.test_images, ds.test_images) and with_photos(ds, 1) is ds
    with pytest.raises(NndeskError, match="at least once"):
        with_photos(ds, 0)

    first = RECIPES["fashion-mlp"].config.replace(
        dataset="mnist", arch="784-16-10", epochs=1, augment=False, sketch=0.0
    )
    recipe = dataclasses.replace(
        RECIPES["fashion-mlp"], config=first, first=None, then=Stage(first, photos=2)
    )
    lines: list[str] = []
    with pytest.warns(UserWarning):
        build(recipe, tiny_idx_dir, tmp_path, log=lines.append)
    made = load_model(tmp_path / "fashion-mlp.npz")
    assert made.info["build"]["photos"] == 2
    assert any("the photos are shown 2 times an epoch" in line for line in lines)


def test_an_average_of_models_averages_every_weight_and_running_statistic():
    from nndesk.nn.batchnorm import BatchNorm2D
    from nndesk.nn.serialization import LoadedModel
    from nndesk.training import TrainConfig
    from tools.build_weights import average

    config = TrainConfig(arch="784-c4-bn-p-c6-bn-p-16-10", seed=3)
    models = []
    for seed in (0, 1):
        model = config.build_model(np.random.default_rng(seed))
        rng = np.random.default_rng(seed + 10)
        for layer in model.layers:  # running statistics as a trained network has them
            if isinstance(layer, BatchNorm2D):
                layer.buffers["running_mean"][...] = rng.normal(size=layer.channels)
                layer.buffers["running_var"][...] = rng.uniform(0.5, 2, size=layer.channels)
        models.append(LoadedModel(model, {"config": config.to_dict(), "seed": seed}, None))
    a, b = models
    before = [{k: v.copy() for k, v in layer.params.items()} for layer in a.model.layers]
    soup = average(models)
    assert soup.info == {"config": config.to_dict(), "seed": 0} and soup.optimizer is None
    checked = 0
    for la, lb, ls in zip(a.model.layers, b.model.layers, soup.model.layers, strict=True):
        for kind in ("params", "buffers"):
            for name, value in (getattr(ls, kind, None) or {}).items():
                mean = (getattr(la, kind)[name] + getattr(lb, kind)[name]) / 2
                np.testing.assert_allclose(value, mean, rtol=1e-6, atol=1e-7)
                checked += 1
    assert checked == 2 * 2 + 2 * 4 + 2 * 2  # two convs, two batch norms (+ stats), two dense
    # the inputs are untouched, and a model averaged with itself computes what it did
    assert all(
        np.array_equal(v, layer.params[k])
        for old, layer in zip(before, a.model.layers, strict=True)
        for k, v in old.items()
    )
    x = np.random.default_rng(5).uniform(-1, 1, (20, 784)).astype(np.float32)
    same = average([a, a, a])
    np.testing.assert_array_equal(same.model.forward(x), a.model.forward(x))
    other = TrainConfig(arch="784-c4-bn-p-c6-bn-p-24-10", seed=3)
    wider = LoadedModel(
        other.build_model(np.random.default_rng(0)), {"config": config.to_dict()}, None
    )
    with pytest.raises(NndeskError, match="not a 784-c4"):
        average([a, wider])
    with pytest.raises(NndeskError, match="no models"):
        average([])


def test_a_widened_network_computes_what_it_did_and_learns_on():
    from nndesk.nn.serialization import LoadedModel
    from nndesk.training import TrainConfig
    from tools.build_weights import widen

    config = TrainConfig(arch="784-12-8-10", dropout=0.3, seed=3)
    model = config.build_model(np.random.default_rng(0))
    old = LoadedModel(model, {"config": config.to_dict()}, None)
    x = np.random.default_rng(1).uniform(-1, 1, (50, 784)).astype(np.float32)
    wide = widen(old, "784-20-13-10", seed=4)
    assert wide.info["config"]["arch"] == "784-20-13-10" and config.arch == "784-12-8-10"
    assert old.info["config"]["arch"] == "784-12-8-10"  # the given file's record is untouched
    assert wide.model.param_count() > old.model.param_count()
    np.testing.assert_allclose(wide.model.forward(x), old.model.forward(x), rtol=1e-5, atol=1e-5)
    # the new units are live: their incoming weights are drawn, so a gradient reaches them
    first = wide.model.layers[0].params["W"]
    assert np.abs(first[:, 12:]).max() > 0 and np.all(wide.model.layers[-1].params["W"][8:] == 0)
    for arch in ("784-10-8-10", "784-12-8-8-10", "784-12-8-12"):
        with pytest.raises(NndeskError):
            widen(old, arch)


def test_a_widened_cnn_keeps_its_convolutions_and_running_statistics():
    from nndesk.nn.batchnorm import BatchNorm2D
    from nndesk.nn.conv import Conv2D
    from nndesk.nn.serialization import LoadedModel
    from nndesk.training import TrainConfig
    from tools.build_weights import widen

    config = TrainConfig(arch="784-c4-bn-p-c6-bn-p-16-10", seed=3)
    model = config.build_model(np.random.default_rng(0))
    rng = np.random.default_rng(2)
    for layer in model.layers:  # running statistics as a trained network has them
        if isinstance(layer, BatchNorm2D):
            layer.buffers["running_mean"][...] = rng.normal(size=layer.channels)
            layer.buffers["running_var"][...] = rng.uniform(0.5, 2, size=layer.channels)
    old = LoadedModel(model, {"config": config.to_dict()}, None)
    wide = widen(old, "784-c4-bn-p-c6-bn-p-24-10", seed=4)
    x = rng.uniform(-1, 1, (30, 784)).astype(np.float32)
    np.testing.assert_allclose(wide.model.forward(x), old.model.forward(x), rtol=1e-5, atol=1e-5)
    convs = [(a, b) for a, b in zip(model.layers, wide.model.layers, strict=True)]
    assert any(isinstance(a, Conv2D) for a, _ in convs)
    for a, b in convs:
        if isinstance(a, (Conv2D, BatchNorm2D)):
            assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
            assert all(
                np.array_equal(v, b.buffers[k]) for k, v in getattr(a, "buffers", {}).items()
            )
    with pytest.raises(NndeskError, match="other than a dense"):
        widen(old, "784-c8-bn-p-c6-bn-p-24-10")


def test_a_widened_prelu_network_keeps_each_old_units_slope():
    """fashion-mlp is a PReLU MLP: widening it keeps the learned slope of every old unit (the new
    units start at the initial slope), so the wider network still computes what it did."""
    from nndesk.nn.activations import PReLU
    from nndesk.nn.serialization import LoadedModel
    from nndesk.training import TrainConfig
    from tools.build_weights import widen

    config = TrainConfig(arch="784-12-8-10", activation="prelu", seed=3)
    model = config.build_model(np.random.default_rng(0))
    rng = np.random.default_rng(2)
    slopes = [layer for layer in model.layers if isinstance(layer, PReLU)]
    for layer in slopes:  # slopes as a trained network has them, not the initial 0.25
        layer.params["alpha"][...] = rng.uniform(-0.3, 0.6, size=layer.features)
    old = LoadedModel(model, {"config": config.to_dict()}, None)
    wide = widen(old, "784-20-13-10", seed=4)
    x = rng.uniform(-1, 1, (40, 784)).astype(np.float32)
    np.testing.assert_allclose(wide.model.forward(x), old.model.forward(x), rtol=1e-5, atol=1e-5)
    grown = [layer for layer in wide.model.layers if isinstance(layer, PReLU)]
    assert [layer.features for layer in grown] == [20, 13]
    for a, b in zip(slopes, grown, strict=True):
        np.testing.assert_array_equal(b.params["alpha"][: a.features], a.params["alpha"])
        assert np.all(b.params["alpha"][a.features :] == np.float32(b.init))
