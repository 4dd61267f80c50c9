"""The hand-drawn training garments (``tools.hand_garments_train``) and their copies for training
(``tools.hand_train``), kept apart from the hand-drawn check (``tools.hand_garments``)."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from tools.hand_check import render, render_steps
from tools.hand_garments import HAND_GARMENTS, MODES, POLARITIES
from tools.hand_garments_train import HAND_TRAIN_GARMENTS
from tools.hand_train import (
    _STREAMS,
    HAND_SETS,
    _closed,
    _render,
    cached_hand_training_drawings,
    hand_training_drawings,
    vary,
)


# -- the set ---------------------------------------------------------------------------------------
def test_every_class_is_drawn_at_least_ten_ways_tops_twenty_every_rendering_both_polarities():
    assert len({d.name for d in HAND_TRAIN_GARMENTS}) == len(HAND_TRAIN_GARMENTS)
    per_class = Counter(d.label for d in HAND_TRAIN_GARMENTS)
    assert sorted(per_class) == list(range(10)) and min(per_class.values()) >= 10
    assert all(per_class[c] >= 20 for c in (0, 2, 4, 6))  # T-shirt, Pullover, Coat, Shirt
    for label in range(10):
        mine = [d for d in HAND_TRAIN_GARMENTS if d.label == label]
        assert {d.mode for d in mine} == set(MODES), label
        assert {d.polarity for d in mine} == set(POLARITIES), label


# -- every hand-drawn training set -----------------------------------------------------------------
#: the least share of its outline's ink that a filled drawing's Fill clicks add: they inked the
#: inside, not a speck (the second set's thick-pen tiny trousers add 0.24 of theirs; every fill of
#: the third and fourth sets 0.59 or more; the eighth set's thick-pen trousers with their legs
#: together 0.38, every other fill of it 0.5 or more)
FILL_GAIN = {
    "second": 0.2,
    "third": 0.4,
    "fourth": 0.4,
    "fifth": 0.4,
    "sixth": 0.4,
    "seventh": 0.4,
    "eighth": 0.3,
    "ninth": 0.4,
}


@pytest.mark.parametrize("name", list(HAND_SETS))
def test_no_drawing_is_a_name_or_a_stroke_of_the_check_or_of_another_training_set(name):
    others = [
        *HAND_GARMENTS,
        *(d for n, drawings in HAND_SETS.items() if n != name for d in drawings),
    ]
    names = {d.name for d in others}
    # strokes of four points or more (a two-point hem line across a body may well coincide)
    strokes = {s for d in others for s in d.strokes if len(s) >= 4}
    for d in HAND_SETS[name]:
        assert d.name not in names, d.name
        assert not strokes & {s for s in d.strokes if len(s) >= 4}, d.name


@pytest.mark.parametrize("name", list(HAND_SETS))
def test_every_point_lies_on_the_canvas_every_fill_fills_inside_and_every_eraser_erases(qapp, name):
    from nndesk.ui.canvas import DrawingCanvas

    canvas = DrawingCanvas()  # cleared by each render
    for d in HAND_SETS[name]:
        # pens the canvas' slider offers and a copy keeps (vary clips to 4-40)
        assert 4 <= d.pen <= 40 and (d.mode == "filled") == bool(d.fills), d.name
        for stroke in d.strokes + d.erase:  # where the mouse went (a thick pen may run over)
            pts = np.array(stroke)
            assert (pts >= 0).all() and (pts <= 280).all(), d.name
        steps = render_steps(d, canvas)  # raises FillLeaked when a fill click does nothing
        ink = steps[-1] if d.polarity == "white-on-black" else 255 - steps[-1]
        # the corners stay paper: no fill ran round the outside of an outline
        assert not ink[[0, 0, -1, -1], [0, -1, 0, -1]].any(), d.name
        assert (ink > 0).mean() > 0.01, d.name  # drawn, not blank
        if d.fills:  # the fills inked the inside: a share of the outline's own ink more
            outline = render(dataclasses.replace(d, fills=(), erase=()), canvas)
            gained = np.count_nonzero(steps[0] != outline)
            assert gained > FILL_GAIN[name] * np.count_nonzero(outline != outline[0, 0]), d.name
        for k in range(len(d.erase)):  # each eraser stroke ran over ink (a detail drawn back)
            assert not np.array_equal(steps[k], steps[k + 1]), (d.name, k)


# -- the copies ------------------------------------------------------------------------------------
def test_a_copy_is_seeded_stays_on_the_canvas_and_keeps_closed_outlines_closed():
    rng = np.random.default_rng
    for d in HAND_TRAIN_GARMENTS[::7]:
        a, b = vary(d, rng([1, 2])), vary(d, rng([1, 2]))
        assert a == b and vary(d, rng([1, 3])) != a
        assert (a.label, a.mode in (d.mode, "filled"), 4 <= a.pen <= 40) == (d.label, True, True)
        assert len(a.strokes) == len(d.strokes)
        for old, new in zip(d.strokes, a.strokes, strict=True):
            pts = np.array(new)
            assert len(new) == len(old)
            assert (pts - a.pen / 2 >= -1e-9).all() and (pts + a.pen / 2 <= 280 + 1e-9).all()
            assert _closed(np.array(old)) <= _closed(pts)  # closed stays closed


def test_copies_vary_size_place_polarity_and_facing():
    d = next(d for d in HAND_TRAIN_GARMENTS if d.name == "c-trench")
    copies = [vary(d, np.random.default_rng([5, j])) for j in range(40)]
    spans = [np.ptp(np.concatenate([np.array(s) for s in c.strokes]), axis=0) for c in copies]
    lefts = [min(x for s in c.strokes for x, _ in s) for c in copies]
    assert max(w for w, _ in spans) > 1.5 * min(w for w, _ in spans)
    assert max(lefts) - min(lefts) > 40
    assert {c.polarity for c in copies} == set(POLARITIES)
    # mirrored half the time: the first point of the outline (the left of the neck) moves right
    firsts = [c.strokes[0][0][0] - np.mean([x for x, _ in c.strokes[0]]) for c in copies]
    assert min(firsts) < 0 < max(firsts)


def test_a_fill_click_on_ink_is_moved_and_a_copy_that_cannot_fill_stays_an_outline(qapp):
    from nndesk.ui.canvas import DrawingCanvas

    d = next(d for d in HAND_TRAIN_GARMENTS if d.name == "t-vneck-filled")
    canvas = DrawingCanvas()
    on_ink = dataclasses.replace(d, fills=(d.strokes[0][5],))  # a point of the outline
    ink = _render(on_ink, canvas)
    assert ink[170, 140] == 255  # moved a few pixels in, it filled the body
    gap = dataclasses.replace(d, strokes=(d.strokes[0][:-6],))  # an outline left open
    open_copy = _render(gap, canvas)
    assert open_copy[170, 140] == 0 and open_copy.max() == 255  # drawn, not filled


def test_hand_training_drawings_are_what_the_network_reads(qapp):
    some = HAND_TRAIN_GARMENTS[:3] + HAND_TRAIN_GARMENTS[-2:]
    images, labels = hand_training_drawings(3, seed=7, drawings=some)
    assert images.shape == (15, 28, 28) and images.dtype == np.uint8
    assert labels.tolist() == [d.label for d in some for _ in range(3)]
    assert (images.reshape(15, -1).max(axis=1) > 200).all()  # drawn, not blank
    again, _ = hand_training_drawings(3, seed=7, drawings=some)
    assert np.array_equal(images, again)
    # either polarity reaches the network as the same ink on black (as nndesk predict reads it)
    from nndesk.preprocess import preprocess

    for d in some:
        image = render(d)
        assert np.array_equal(preprocess(image, "garments"), preprocess(255 - image, "garments"))


def test_each_training_set_is_another_hands_and_none_is_the_check():
    assert list(HAND_SETS) == [
        *("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
    ]
    assert set(_STREAMS) == set(HAND_SETS)
    check = {d.name for d in HAND_GARMENTS}
    names = [d.name for drawings in HAND_SETS.values() for d in drawings]
    assert len(names) == len(set(names)) and not check & set(names)
    assert all(HAND_SETS.values())


def test_copies_of_several_sets_come_set_after_set_each_from_its_own_stream(
    qapp, tmp_path, monkeypatch
):
    for name in HAND_SETS:  # two drawings of each set keep the test quick
        monkeypatch.setitem(HAND_SETS, name, HAND_SETS[name][:2])
    images, labels = cached_hand_training_drawings(2, str(tmp_path), 9, ("second", "third"))
    second, _ = hand_training_drawings(2, 9, HAND_SETS["second"])
    third, third_labels = hand_training_drawings(2, 9, HAND_SETS["third"], stream=(3,))
    assert np.array_equal(images, np.concatenate([second, third]))
    assert (
        labels.tolist()[4:]
        == third_labels.tolist()
        == [d.label for d in HAND_SETS["third"] for _ in (0, 1)]
    )
    # the third set's copies are not the second set's draws again: its stream is its own
    same_draws, _ = hand_training_drawings(2, 9, HAND_SETS["third"])
    assert not np.array_equal(third, same_draws)
    # each set is kept in a file of its own; the second's is named as in the eighteenth round
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hand-train-9-2-2.npz",
        "hand-train-third-9-2-2.npz",
    ]
    again, _ = cached_hand_training_drawings(2, str(tmp_path), 9, ("second", "third"))
    assert np.array_equal(again, images)


def test_a_stage_trains_on_the_second_set_unless_told_and_hand_stages_name_their_sets():
    from tools.build_weights import SHIPPED_RECIPES, Stage, hand_stages

    assert Stage(SHIPPED_RECIPES["fashion-cnn"]).hand_sets == ("second",)
    stages = hand_stages(SHIPPED_RECIPES["fashion-cnn"], (0.1, 0.05), sets=tuple(HAND_SETS))
    assert [s.hand_sets for s in stages] == [tuple(HAND_SETS)] * 2
    assert [s.hand_seed for s in stages] == [1818, 1819]
    assert [s.photos for s in stages] == [1, 1]


def test_hand_stages_can_show_the_photos_twice_and_draw_copies_from_later_seeds():
    from tools.build_weights import SHIPPED_RECIPES, hand_stages

    config = SHIPPED_RECIPES["fashion-cnn"]
    stages = hand_stages(config, (0.1, 0.05, 0.02), photos=2, first_seed=1821)
    assert [s.hand_seed for s in stages] == [1821, 1822, 1823]
    assert [s.photos for s in stages] == [2, 2, 2]
    assert [s.config.lr for s in stages] == [0.1, 0.05, 0.02]


def test_a_stage_with_hand_copies_goes_on_from_a_file_that_made_the_first_stages(
    tiny_idx_dir, tmp_path
):
    from nndesk.errors import NndeskError
    from nndesk.nn.serialization import load_model
    from tools.build_weights import RECIPES, Stage, build

    first = RECIPES["fashion-mlp"].config.replace(
        dataset="mnist", arch="784-16-10", epochs=1, augment=False, sketch=0.0
    )
    recipe = dataclasses.replace(
        RECIPES["fashion-mlp"], config=first, first=None, then=(Stage(first), Stage(first))
    )
    lines: list[str] = []
    with pytest.warns(UserWarning):  # the tiny files are not the published MNIST
        build(recipe, tiny_idx_dir, tmp_path / "one", epochs=1, log=lines.append)
    # a file that made only the first stage: the two after it are trained, the last with copies
    hand = dataclasses.replace(recipe, then=(Stage(first), Stage(first, hand=1, hand_seed=3)))
    with pytest.warns(UserWarning):
        facts = build(
            hand, tiny_idx_dir, tmp_path / "two", log=lines.append,
            first_stage=tmp_path / "one" / "fashion-mlp.npz", stages_done=1,
            cache=str(tmp_path / "c"),
        )  # fmt: skip
    made = load_model(tmp_path / "two" / "fashion-mlp.npz")
    assert facts["epochs"] == 2 and len(made.info["history"]) == 5  # 3 before, 2 more
    assert made.info["build"]["hand_copies"] == 1 and made.info["build"]["hand_seed"] == 3
    assert any("copies of every hand-drawn training garment" in line for line in lines)
    n = len(HAND_TRAIN_GARMENTS)
    assert [p.name for p in (tmp_path / "c").iterdir()] == [f"hand-train-3-1-{n}.npz"]
    with pytest.warns(UserWarning), pytest.raises(NndeskError, match="3 stages done of 3"):
        build(
            hand, tiny_idx_dir, tmp_path / "x", log=lines.append,
            first_stage=tmp_path / "one" / "fashion-mlp.npz", stages_done=3,
        )  # fmt: skip


# -- copies in other hands' proportions and fill styles (twenty-fifth round) ---------------------
def _square(mode: str = "outline", label: int = 0, gap: bool = False):
    """A closed square outline (or one left open), drawn as a hand drawing."""
    from tools.hand_garments import HandDrawing

    side = ((80.0, 80.0), (200.0, 80.0), (200.0, 200.0), (80.0, 200.0), (80.0, 80.0))
    side = side[:-1] + ((80.0, 120.0),) if gap else side
    return HandDrawing("square", label, mode, 8, "white-on-black", (side,))


class _First:
    """A random generator whose first ``random()`` is ``u`` (the style restyled draws)."""

    def __init__(self, u: float, seed: int = 0):
        self.u, self.rng = [u], np.random.default_rng(seed)

    def random(self):
        return self.u.pop() if self.u else self.rng.random()

    def __getattr__(self, name):
        return getattr(self.rng, name)


def test_reshape_moves_parts_against_each_other_and_keeps_outlines_closed_and_fills_inside(qapp):
    from tools.hand_train import reshape

    filled = [d for d in HAND_TRAIN_GARMENTS if d.mode == "filled" and not d.erase][:6]
    affine = []
    for k, d in enumerate(filled):
        copy = reshape(d, np.random.default_rng([4, k]))
        assert copy == reshape(d, np.random.default_rng([4, k]))  # seeded
        for before, after in zip(d.strokes, copy.strokes, strict=True):
            assert len(before) == len(after) and _closed(np.array(after)) == _closed(
                np.array(before)
            )
        image = render(copy)  # its fill does not leak: the corners stay paper
        ink = image if copy.polarity == "white-on-black" else 255 - image
        assert ink[[0, 0, -1, -1], [0, -1, 0, -1]].max() == 0
        # not one affine map of the points: the parts changed their sizes against each other
        a = np.concatenate([np.array(s) for s in d.strokes])
        b = np.concatenate([np.array(s) for s in copy.strokes])
        fit = np.linalg.lstsq(np.c_[a, np.ones(len(a))], b, rcond=None)
        affine.append(np.sqrt(fit[1].sum() / len(a)))
    assert max(affine) > 3.0  # pixels of residual after the best affine map


@pytest.mark.parametrize("seed", range(40))
def test_paper_regions_are_the_fill_tools_regions(seed):
    from nndesk.fill import region
    from tools.hand_train import _paper_regions

    rng = np.random.default_rng(seed)
    image = (rng.random((23, 31)) < rng.uniform(0.2, 0.7)).astype(np.uint8) * 255
    labels, edge = _paper_regions(image < 128)
    assert (labels > 0).tolist() == (image < 128).tolist()
    for y, x in np.argwhere(image < 128):
        mine = region(image, int(x), int(y))
        assert np.array_equal(mine, labels == labels[y, x])
        touches = mine[[0, -1], :].any() or mine[:, [0, -1]].any()
        assert bool(edge[labels[y, x]]) == bool(touches)


def test_restyled_fills_an_outline_as_the_fill_tool_does_and_leaves_an_open_one(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import restyled

    canvas = DrawingCanvas()
    square = _square()
    filled = restyled(square, canvas, _First(0.1))
    assert np.array_equal(filled, render(dataclasses.replace(square, fills=((140.0, 140.0),))))
    black = restyled(dataclasses.replace(square, polarity="black-on-white"), canvas, _First(0.1))
    assert np.array_equal(black, 255 - filled)
    open_square = _square(gap=True)  # nothing inside to fill: drawn as it is
    assert np.array_equal(restyled(open_square, canvas, _First(0.1)), render(open_square))
    assert np.array_equal(restyled(square, canvas, _First(0.9)), render(square))  # as drawn


def test_restyled_leaves_a_bags_handle_open_and_fills_a_scribbles_gaps(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import restyled

    canvas = DrawingCanvas()
    handle = ((110.0, 80.0), (110.0, 40.0), (170.0, 40.0), (170.0, 80.0))
    bag = dataclasses.replace(_square(label=8), strokes=_square().strokes + (handle,))
    image = restyled(bag, canvas, _First(0.1))
    assert image[140, 140] == 255 and image[60, 140] == 0  # the body filled, the hole left
    zigzag = tuple((90.0 + 20 * (k % 2) * 4.5, 90.0 + 10 * k) for k in range(11))
    scribbled = dataclasses.replace(_square("scribble"), strokes=_square().strokes + (zigzag,))
    solid = restyled(scribbled, canvas, _First(0.1))
    assert (solid[85:196, 85:196] >= 128).all()  # every gap filled
    assert np.array_equal(restyled(scribbled, canvas, _First(0.9)), render(scribbled))


def test_restyled_scribbles_inside_an_outline_and_leaves_gaps(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import restyled

    canvas = DrawingCanvas()
    square = _square()
    outline = render(square)
    for seed in range(5):
        image = restyled(square, canvas, _First(0.4, seed))
        inside = image[90:191, 90:191] >= 128
        assert 0.2 < inside.mean() < 0.9, seed  # scribbled, with gaps
        # nothing past the outline but a scribble's end overshooting it by less than a pen
        outside = np.ones_like(image, bool)
        outside[68:213, 68:213] = False
        assert np.array_equal(image[outside], outline[outside])


def test_reshaped_copies_come_from_their_own_stream_and_are_cached_apart(
    qapp, tmp_path, monkeypatch
):
    from tools.build_weights import SHIPPED_RECIPES, hand_stages

    monkeypatch.setitem(HAND_SETS, "second", HAND_SETS["second"][:2])
    plain, labels = cached_hand_training_drawings(2, str(tmp_path), 9, ("second",))
    reshaped, again_labels = cached_hand_training_drawings(2, str(tmp_path), 9, ("second",), True)
    assert labels.tolist() == again_labels.tolist() and not np.array_equal(plain, reshaped)
    assert np.array_equal(reshaped, hand_training_drawings(2, 9, HAND_SETS["second"], (), True)[0])
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hand-train-9-2-2.npz",
        "hand-train-reshaped-9-2-2.npz",
    ]
    stages = hand_stages(SHIPPED_RECIPES["fashion-cnn"], (0.1, 0.05), reshaped=True)
    assert [s.hand_reshaped for s in stages] == [True, True]
    assert not any(s.hand_reshaped for s in hand_stages(SHIPPED_RECIPES["fashion-cnn"], (0.1,)))


def test_a_pooled_stage_holds_each_seeds_copies_as_that_seed_draws_them(
    qapp, tmp_path, monkeypatch
):
    from nndesk.data.dataset import Dataset
    from tools.build_weights import NndeskError, with_hand_drawings

    monkeypatch.setitem(HAND_SETS, "second", HAND_SETS["second"][:2])
    none, no_labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
    photos = Dataset("fashion", tuple("0123456789"), "garments", none, no_labels, none, no_labels)
    cache = str(tmp_path)
    pooled = with_hand_drawings(photos, 2, 9, cache, ("second",), True, pool=2)
    one = [cached_hand_training_drawings(2, cache, s, ("second",), True) for s in (9, 10)]
    assert np.array_equal(pooled.train_images, np.concatenate([one[0][0], one[1][0]]))
    assert pooled.train_labels.tolist() == one[0][1].tolist() + one[1][1].tolist()
    alone = with_hand_drawings(photos, 2, 9, cache, ("second",), True)
    assert np.array_equal(alone.train_images, one[0][0])
    with pytest.raises(NndeskError):
        with_hand_drawings(photos, 2, 9, cache, ("second",), True, pool=0)


# -- copies that keep the long-sleeved tops' class (twenty-seventh round) -------------------------
def _first_of(label: int, mode: str):
    return next(d for d in HAND_TRAIN_GARMENTS if d.label == label and d.mode == mode)


def test_a_kept_copy_of_any_other_class_is_the_reshaped_copy_and_a_tops_warp_is_gentler(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import KEPT_TOPS_STRENGTH, kept_copy, reshape, reshaped_copy

    canvas = DrawingCanvas()
    for label in (1, 7):  # trousers, sneakers: drawn as the twenty-fifth round draws them
        d = next(d for d in HAND_TRAIN_GARMENTS if d.label == label)
        for k in range(3):
            mine = kept_copy(d, canvas, np.random.default_rng([5, k]))
            assert np.array_equal(mine, reshaped_copy(d, canvas, np.random.default_rng([5, k])))
    coat = _first_of(4, "outline")
    assert reshape(coat, np.random.default_rng(1), 0.0) == coat  # no strength: no warp

    def moved(limit: float) -> float:
        copies = [reshape(coat, np.random.default_rng([6, k]), limit) for k in range(8)]
        a = np.concatenate([np.array(s) for s in coat.strokes])
        return max(
            float(np.abs(np.concatenate([np.array(s) for s in c.strokes]) - a).max())
            for c in copies
        )

    assert moved(KEPT_TOPS_STRENGTH) < 0.7 * moved(1.0)


def test_kept_restyles_leave_a_filled_coat_or_shirt_filled_and_a_shirts_outline_unfilled(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import restyled

    canvas = DrawingCanvas()
    for label in (4, 6):  # a scribble over a filled coat or shirt hides its block and details
        square = dataclasses.replace(_square("filled", label), fills=((140.0, 140.0),))
        assert np.array_equal(restyled(square, canvas, _First(0.1), keep=True), render(square))
        assert not np.array_equal(restyled(square, canvas, _First(0.1)), render(square))
    shirt = _square(label=6)  # a filled shirt is a pullover's block: left as its outline
    assert np.array_equal(restyled(shirt, canvas, _First(0.1), keep=True), render(shirt))
    coat = _square(label=4)  # a coat's outline is still filled, as people fill coats
    filled = render(dataclasses.replace(coat, fills=((140.0, 140.0),)))
    assert np.array_equal(restyled(coat, canvas, _First(0.1), keep=True), filled)


def test_vary_can_keep_a_filled_drawing_filled_with_every_other_draw_the_same():
    filled = next(d for d in HAND_TRAIN_GARMENTS if d.mode == "filled" and d.fills)
    dropped = 0
    for k in range(40):
        plain = vary(filled, np.random.default_rng([7, k]))
        kept = vary(filled, np.random.default_rng([7, k]), keep_fill=True)
        assert kept.fills and kept.strokes == plain.strokes and kept.pen == plain.pen
        dropped += not plain.fills
    assert dropped  # some of these 40 were left as outlines without keep_fill


def test_kept_copies_are_cached_apart_and_only_reshaped_copies_are_kept(
    qapp, tmp_path, monkeypatch
):
    from nndesk.data.dataset import Dataset
    from nndesk.presets import SHIPPED_RECIPES
    from tools.build_weights import NndeskError, Stage, with_hand_drawings

    monkeypatch.setitem(HAND_SETS, "second", HAND_SETS["second"][:2])
    kept, _ = cached_hand_training_drawings(2, str(tmp_path), 9, ("second",), True, kept=True)
    assert np.array_equal(
        kept, hand_training_drawings(2, 9, HAND_SETS["second"], (), True, True)[0]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["hand-train-reshaped-kept-9-2-2.npz"]
    none, no_labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
    photos = Dataset("fashion", tuple("0123456789"), "garments", none, no_labels, none, no_labels)
    with pytest.raises(NndeskError):
        with_hand_drawings(photos, 2, 9, str(tmp_path), ("second",), False, kept=True)
    assert Stage(SHIPPED_RECIPES["fashion-cnn"]).hand_kept is False


# -- copies shown again unsure (twenty-eighth round) ---------------------------------------------
def test_a_share_of_the_copies_joins_again_labelled_outlier_seeded_and_none_without_a_share(
    qapp, tmp_path, monkeypatch
):
    from nndesk.data.dataset import Dataset
    from nndesk.nn.losses import OUTLIER
    from nndesk.presets import SHIPPED_RECIPES
    from tools.build_weights import NndeskError, Stage, with_hand_drawings

    monkeypatch.setitem(HAND_SETS, "second", HAND_SETS["second"][:3])
    none, no_labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
    photos = Dataset("fashion", tuple("0123456789"), "garments", none, no_labels, none, no_labels)
    cache = str(tmp_path)
    copies, labels = cached_hand_training_drawings(4, cache, 9, ("second",))
    plain = with_hand_drawings(photos, 4, 9, cache, ("second",))
    unsure = with_hand_drawings(photos, 4, 9, cache, ("second",), unsure=0.25)
    n = len(labels)
    assert np.array_equal(unsure.train_images[:n], copies)
    assert unsure.train_labels[:n].tolist() == labels.tolist()
    again, again_labels = unsure.train_images[n:], unsure.train_labels[n:]
    assert len(again) == round(0.25 * n) and set(again_labels.tolist()) == {OUTLIER}
    # each one a copy already shown, none twice
    shown = {c.tobytes(): k for k, c in enumerate(copies)}
    assert len({shown[a.tobytes()] for a in again}) == len(again)
    repeat = with_hand_drawings(photos, 4, 9, cache, ("second",), unsure=0.25)
    assert np.array_equal(repeat.train_images, unsure.train_images)
    assert np.array_equal(plain.train_images, copies) and len(plain.train_labels) == n
    with pytest.raises(NndeskError):
        with_hand_drawings(photos, 4, 9, cache, ("second",), unsure=1.5)
    assert Stage(SHIPPED_RECIPES["fashion-cnn"]).hand_unsure == 0.0


# -- painted shoes (twenty-ninth round) ------------------------------------------------------------
def test_a_painted_copy_is_the_shoe_painted_over_as_a_block_seeded_and_only_shoes_are_painted(
    qapp,
):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import PAINTED_SHOES, painted_copy, painted_training_drawings

    canvas = DrawingCanvas()
    shoe = next(d for d in HAND_TRAIN_GARMENTS if d.name == "sn-low")  # a closed outline
    outline = render(dataclasses.replace(shoe, polarity="white-on-black"))

    def box_share(image: np.ndarray) -> float:  # its ink's share of the box around it
        ys, xs = np.nonzero(image >= 128)
        return (image >= 128).sum() / ((np.ptp(ys) + 1) * (np.ptp(xs) + 1))

    shares = []
    for j in range(6):
        image = painted_copy(shoe, canvas, np.random.default_rng([5, j]))
        assert image is not None and image.shape == (280, 280) and image.dtype == np.uint8
        again = painted_copy(shoe, canvas, np.random.default_rng([5, j]))
        assert np.array_equal(image, again)  # seeded
        shares.append(box_share(image if image[0, 0] == 0 else 255 - image))
    # its inside painted over: a block, where the outline it was drawn from is a third ink
    assert min(shares) > 1.4 * box_share(outline)
    sandal_and_shoe = [d for d in HAND_TRAIN_GARMENTS if d.name in ("sa-wedge", "sn-low")]
    images, labels = painted_training_drawings(3, 7, sandal_and_shoe)
    assert labels.tolist() == [7, 7, 7] and images.shape == (3, 28, 28)
    assert 5 not in PAINTED_SHOES and {7, 9} == set(PAINTED_SHOES)


def test_painted_copies_follow_the_hand_copies_cached_apart_and_never_shown_unsure(
    qapp, tmp_path, monkeypatch
):
    from nndesk.data.dataset import Dataset
    from nndesk.nn.losses import OUTLIER
    from nndesk.presets import SHIPPED_RECIPES
    from tools.build_weights import NndeskError, Stage, with_hand_drawings

    shoes = tuple(d for d in HAND_SETS["second"] if d.name in ("t-boxy", "sn-low", "ab-chelsea"))
    monkeypatch.setitem(HAND_SETS, "second", shoes)
    none, no_labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
    photos = Dataset("fashion", tuple("0123456789"), "garments", none, no_labels, none, no_labels)
    cache = str(tmp_path)
    unsure = with_hand_drawings(photos, 4, 9, cache, ("second",), unsure=0.25)
    both = with_hand_drawings(photos, 4, 9, cache, ("second",), unsure=0.25, painted=2)
    n = len(unsure.train_labels)
    # the copies and those shown again unsure are as without painted copies, to the pixel
    assert np.array_equal(both.train_images[:n], unsure.train_images)
    assert both.train_labels[:n].tolist() == unsure.train_labels[:n].tolist()
    extra = both.train_labels[n:]
    assert extra.tolist() == [7, 7, 9, 9] and OUTLIER not in extra.tolist()
    assert "hand-train-second-painted-9-2-3.npz" in {p.name for p in tmp_path.iterdir()}
    pooled = with_hand_drawings(photos, 4, 9, cache, ("second",), pool=2, painted=2)
    assert pooled.train_labels[-8:].tolist() == [7, 7, 9, 9] * 2  # each seed's own
    assert not np.array_equal(pooled.train_images[-8:-4], pooled.train_images[-4:])
    with pytest.raises(NndeskError):
        with_hand_drawings(photos, 4, 9, cache, ("second",), painted=-1)
    assert Stage(SHIPPED_RECIPES["fashion-cnn"]).hand_painted == 0


# -- filled coats that keep their opening line (thirtieth round) -----------------------------------
def _coat_with_line():
    """A closed square coat outline with an opening line down its middle, hem to collar."""
    line = ((140.0, 84.0), (140.0, 196.0))
    return dataclasses.replace(_square(label=4), strokes=_square().strokes + (line,))


def test_a_kept_coats_outline_is_filled_with_its_opening_line_erased_back_into_the_block(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import COAT_LINE_DRAWS, restyled

    canvas = DrawingCanvas()
    coat = _coat_with_line()
    u = sum(COAT_LINE_DRAWS) / 2
    lined = restyled(coat, canvas, _First(u), keep=True, coat_line=True)
    assert lined[120, 110] == 255 and lined[120, 170] == 255  # both halves filled
    assert lined[100:180, 140].max() < 64  # the opening line is paper again, down the block
    assert lined[200, 140] == 255 and lined[80, 140] == 255  # hem and collar edges not notched
    black = dataclasses.replace(coat, polarity="black-on-white")
    assert np.array_equal(
        restyled(black, canvas, _First(u), keep=True, coat_line=True), 255 - lined
    )
    # without coat_line that draw leaves the outline as drawn, and the block is a block
    assert np.array_equal(restyled(coat, canvas, _First(u), keep=True), render(coat))
    block = restyled(coat, canvas, _First(0.1), keep=True, coat_line=True)
    assert (block[90:191, 90:191] == 255).all()


def test_coat_line_changes_only_a_coats_outline_with_inner_lines_at_its_draws(qapp):
    from nndesk.ui.canvas import DrawingCanvas
    from tools.hand_train import COAT_LINE_DRAWS, restyled

    canvas = DrawingCanvas()
    coat = _coat_with_line()
    low, high = COAT_LINE_DRAWS
    for u in (0.1, 0.4, low - 0.01, high, 0.9):  # the blocks, scribbles and outlines as before
        with_line = restyled(coat, canvas, _First(u, 3), keep=True, coat_line=True)
        assert np.array_equal(with_line, restyled(coat, canvas, _First(u, 3), keep=True)), u
    for other in (_square(label=2), _square(label=4)):  # a pullover; a coat with no inner line
        mine = restyled(other, canvas, _First(low), keep=True, coat_line=True)
        assert np.array_equal(mine, render(other))


def test_kept_copies_with_coat_lines_differ_only_in_coats_and_are_cached_apart(
    qapp, tmp_path, monkeypatch
):
    from nndesk.data.dataset import Dataset
    from nndesk.presets import SHIPPED_RECIPES
    from tools.build_weights import NndeskError, Stage, with_hand_drawings

    coats = [d for d in HAND_SETS["second"] if d.label == 4 and d.mode == "outline"][:2]
    others = [d for d in HAND_SETS["second"] if d.label in (2, 6, 7)][:3]
    monkeypatch.setitem(HAND_SETS, "second", tuple(others + coats))
    kept, labels = cached_hand_training_drawings(5, str(tmp_path), 9, ("second",), True, True)
    lined, again = cached_hand_training_drawings(
        5, str(tmp_path), 9, ("second",), True, True, coat_line=True
    )
    assert labels.tolist() == again.tolist()
    same = [np.array_equal(a, b) for a, b in zip(kept, lined, strict=True)]
    assert all(same[: 5 * len(others)])  # every copy of another class, to the pixel
    assert not all(same[5 * len(others) :])  # some coat copies filled with their lines
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hand-train-reshaped-kept-9-5-5.npz",
        "hand-train-reshaped-kept-line-9-5-5.npz",
    ]
    with pytest.raises(ValueError):
        hand_training_drawings(1, 9, coats, (), True, kept=False, coat_line=True)
    none, no_labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.int64)
    photos = Dataset("fashion", tuple("0123456789"), "garments", none, no_labels, none, no_labels)
    with pytest.raises(NndeskError):
        with_hand_drawings(photos, 2, 9, str(tmp_path), ("second",), True, coat_line=True)
    assert Stage(SHIPPED_RECIPES["fashion-cnn"]).hand_coat_line is False
