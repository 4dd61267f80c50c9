from pathlib import Path

from nndesk.inference import display_name


def test_a_model_file_is_named_by_its_stem():
    assert display_name(Path("weights/mnist-cnn.npz")) == "mnist-cnn"


def test_a_runs_model_file_is_named_by_when_the_run_started():
    path = Path("/home/u/.local/share/nndesk/runs/20261123-113512-123ab12/model.npz")
    assert display_name(path) == "run 2026-11-23 11:35:12"


def test_classifier_gives_nothing_for_an_empty_drawing(tiny_model_file):
    import numpy as np

    from nndesk.inference import Classifier

    clf = Classifier.from_file(tiny_model_file)
    assert clf.classify_image(np.zeros((280, 280), np.uint8)) is None


def test_classifier_answers_what_the_model_says_for_the_preprocessed_drawing(tiny_model_file):
    import numpy as np

    from nndesk.inference import Classifier
    from nndesk.nn.serialization import load_model
    from nndesk.preprocess import preprocess

    clf = Classifier.from_file(tiny_model_file)
    model = load_model(tiny_model_file).model
    canvas = np.zeros((280, 280), np.uint8)
    canvas[40:240, 130:150] = 255  # a "1"
    prediction = clf.classify_image(canvas)
    expected = model.predict_proba(preprocess(canvas, "digits").reshape(1, 784) / 255.0)[0]
    np.testing.assert_allclose(prediction.probabilities, expected, rtol=1e-5, atol=1e-6)
    assert prediction.label == int(np.argmax(expected))
    assert prediction.class_name == str(prediction.label)
    assert [k for k, _ in prediction.ranked()][0] == prediction.label


def test_a_runs_model_is_named_in_the_windows_language(monkeypatch):
    """The Vietnamese model list read "run 2026-12-02 12:29:32"."""
    from datetime import datetime, timezone

    from nndesk import i18n
    from nndesk.inference import shown_name

    path = Path("runs/20261123-113512-abc/model.npz")
    words = {"run {when}": "lượt chạy {when}"}
    monkeypatch.setattr(i18n, "_display", lambda text: words.get(text, text))
    when = i18n.moment_text(datetime(2026, 11, 23, 11, 35, 12, tzinfo=timezone.utc), seconds=True)
    assert shown_name(path) == f"lượt chạy {when}"
    assert display_name(path) == "run 2026-11-23 11:35:12"  # the CLI's name, as the CLI finds it


def test_not_sure_is_one_rule_the_top_probability_in_percent_under_the_threshold():
    """The window and `nndesk predict` both ask this (the closing review of stop 48 found the
    rule written twice)."""
    import numpy as np

    from nndesk.inference import NOT_SURE_PERCENT, Prediction, is_not_sure

    def answer(top):
        probs = np.array([top, 1 - top], np.float32)
        return Prediction(probs, np.zeros((28, 28), np.float32), 0, "0")

    assert is_not_sure(answer(0.59)) and NOT_SURE_PERCENT == 60  # the default threshold
    assert not is_not_sure(answer(0.75))
    assert is_not_sure(answer(0.75), 80) and not is_not_sure(answer(0.75), 70)
    assert not is_not_sure(answer(0.5), 0)  # 0: always answer
    assert is_not_sure(answer(0.5), 50.5) and not is_not_sure(answer(0.5), 50)  # strictly under
