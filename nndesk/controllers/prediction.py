"""PredictionController: the model everyone uses, and predictions for the canvas off the GUI thread.

Image files, dropped and pasted images are decoded and fitted to the canvas (``open_image``), and
model files are read (``open_model``; the mode's model at start and on a mode switch:
``open_first_of_kind``), by the same worker thread, so a large picture or a slow, huge or damaged
model file never freezes the window or holds up its start.

One worker QThread runs the jobs. At most one job is in flight; while it runs, newer canvas images
only replace the single pending one, so a fast mouse never builds a queue. A QTimer throttles
requests while drawing. Results come back through queued signals and are dropped when they belong
to an older model.
"""

from __future__ import annotations

import copy
import os
import threading
import time
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from nndesk import inside
from nndesk.controllers.loading_input import InputPreparer
from nndesk.controllers.worker_freeing import join_and_free
from nndesk.data.normalize import Normalizer
from nndesk.errors import NndeskError, user_message, user_message_data
from nndesk.explain import FAST_KINDS, Explanation, explain_prediction, saliency
from nndesk.i18n import N_, localised, shown
from nndesk.inference import Classifier, Prediction
from nndesk.inside_maps import render_rows
from nndesk.model_list import signature
from nndesk.nn.model import Sequential

THROTTLE_MS = 60  # at most ~16 predictions a second while drawing
#: seconds the worker waits for the bars to paint an answer before explaining it: on two cores
#: the explanation and trace would otherwise take the CPU and the GIL from the GUI thread's paint
ANSWER_PAINT_WAIT = 0.03
#: ms a training snapshot's answer waits at most for the Inside page to show the one before it
#: (``inside_shown``): a page that never says so (a bug) slows the answers, never stops them
INSIDE_SHOWN_WAIT_MS = 2000
HIDDEN_UNITS = 8


@dataclass(frozen=True)
class _Job:
    generation: int  # which classifier the job was made for
    classifier: Classifier
    explain_model: Sequential | None  # a private copy of the model for forward+backward (saliency)
    image: np.ndarray | None  # canvas pixels to preprocess, or
    image28: np.ndarray | None  # an already prepared 28x28 input (test images)
    saliency_kind: str
    inside: bool = False  # also trace every layer (the Inside page is open)
    wait_for_paint: bool = False  # explain after the bars painted the answer (or a short wait)


@dataclass(frozen=True)
class InsideSnapshot:
    """Every layer's output for the newest drawing, with the model (a private copy) it came from."""

    classifier: Classifier
    model: object  # the Sequential whose weights the trace used; read its params, never forward
    trace: inside.Trace
    #: a CNN's feature maps as tiles ready to paint (``inside_maps.render_rows``), made in the
    #: worker; () for an MLP (or a snapshot made without them: the page renders them itself)
    maps: tuple = ()


@dataclass(frozen=True)
class _ImageJob:
    token: int  # which request it answers: only the newest is shown
    source: object  # an image file's path (str), image data (bytes, QImage) or pixels (ndarray)
    name: str  # how messages name it


@dataclass(frozen=True)
class ImageResult:
    token: int
    pixels: np.ndarray | None  # uint8 (280, 280) for the canvas, or None with
    error: str | None  # one line saying why the image cannot be used


@dataclass(frozen=True)
class _ModelJob:
    token: int  # only the newest request is put in use
    path: str
    kind: str | None = None  # set: the first of ``path``, ``others`` whose kind this is, or None
    others: tuple[str, ...] = ()
    #: ``path`` was picked in the mode ``kind``: a model trained on an image folder (its file
    #: says "digits", it answers in any mode) is taken there too
    picked: bool = False


@dataclass(frozen=True)
class ModelResult:
    token: int
    classifier: Classifier | None  # the model read, or None with
    error: str | None  # one line naming the file and what is wrong
    #: each file that could not be read (damaged, unreadable), in order, as (the file as found:
    #: ``_file_key``, one line naming it and what is wrong, as data: ``_read_error``); for a
    #: first-of-kind read, the
    #: first not said yet this session is said, even when a later one is put in use
    passed_over: tuple[tuple[tuple, str], ...] = ()
    #: the model file picked in the mode (``_ModelJob.picked``) when it is gone (deleted, its
    #: drive unplugged): the mode's next candidate answers, and the window says so
    picked_gone: str | None = None


def _file_key(path: str) -> tuple:
    """``path`` and, while it can be looked at, its inode, size and modification time: a
    damaged file replaced by another copy (or repaired and damaged again) is a new file."""
    return (path, signature(path))


#: the damaged candidates (``_file_key``) a first-of-kind read said this session: the mode's
#: model is read again at each switch back to the mode, and by a window rebuilt for another
#: language (a new controller), so a damaged shipped model was said at each of them
_passed_over_said: set[tuple] = set()


def _read_error(path: str, err: Exception) -> str:
    """One line naming the model file ``path`` and why it cannot be used, as data
    (``errors.user_message_data``): ``i18n.localised`` says it in the window's language of the
    moment. The Model box keeps it as a damaged entry's reason across a language switch."""
    if isinstance(err, NndeskError):  # the message already names the file
        return user_message_data(err)
    return f"{path}: cannot open model ({err!r:.80})"


def _instead(line: str, used: Classifier | None) -> str:
    """``line`` (a candidate that could not be read) and, on the same line, the model put in
    use instead: "…/mnist-cnn.npz: the file is incomplete or damaged …; using mnist-mlp
    instead." Without it the user saw the damage said and could not tell what answers."""
    if used is None:
        return localised(line)
    return shown(N_("{problem}; using {model} instead.")).format(
        problem=localised(line).rstrip(". "), model=used.title
    )


@dataclass(frozen=True)
class PredictionResult:
    generation: int
    prediction: Prediction | None
    explanation: Explanation | None
    latency_ms: float  # preprocess + forward, measured in the worker
    error: str | None = None
    inside: InsideSnapshot | None = None
    answer_painted: bool = True  # False: the job waited for the bars and no paint came
    #: the job traced every layer (``_Job.inside``): ``inside`` is the page's snapshot. A job
    #: sent before the Inside page was opened has none, which is no "nothing drawn"
    traced: bool = False


@dataclass(frozen=True)
class _SaliencyJob:
    key: object  # the asker's own tag, handed back with the map
    model: Sequential  # a private copy of the model (forward+backward overwrite layer caches)
    normalizer: Normalizer
    image28: np.ndarray  # float32 (28, 28), pixels in [0, 255]
    class_index: int
    kind: str


def _pixels_of(source, name: str) -> np.ndarray:
    """An ``open_image`` source as pixels, in the worker: a file is decoded, clipboard or drop
    data (bytes, QImage) converted, an array taken as it is."""
    from nndesk.controllers.pasted_image import payload_pixels
    from nndesk.preprocess import CANVAS_DECODE_SIDE, load_image

    # the canvas shows the whole image in 280x280: decoded no larger than it can show
    if isinstance(source, str):
        return load_image(source, name=name, max_side=CANVAS_DECODE_SIDE)
    if isinstance(source, np.ndarray):
        return source
    return payload_pixels(source, name, max_side=CANVAS_DECODE_SIDE)


class _Worker(QObject):
    """Lives on the worker thread; never touches a widget."""

    predicted = Signal(object)  # PredictionResult without explanation: the answer, at once
    finished = Signal(object)  # PredictionResult with explanation and trace: the job is done
    image_decoded = Signal(object)  # ImageResult
    model_read = Signal(object)  # ModelResult

    def __init__(self) -> None:
        super().__init__()
        self.answer_shown = threading.Event()  # set from the GUI thread when the bars painted

    @Slot(object)
    def read_model(self, job: _ModelJob) -> None:
        """Read a model file off the GUI thread (a large one takes a second, one on a slow
        network drive as long as the drive wants)."""
        if job.kind is not None:
            self.model_read.emit(self._first_of_kind(job))
            return
        try:
            result = ModelResult(job.token, Classifier.from_file(job.path), None)
        except Exception as err:  # noqa: BLE001 - one line for the user, never a dead thread
            line = _read_error(job.path, err)
            result = ModelResult(job.token, None, localised(line), ((_file_key(job.path), line),))
        self.model_read.emit(result)

    @staticmethod
    def _first_of_kind(job: _ModelJob) -> ModelResult:
        """The first candidate that reads as a ``job.kind`` model. A file that is gone (a recent
        model deleted since) is passed over in silence; the first one that cannot be read (a
        damaged shipped or recent model) is named in ``passed_over``, said once a session."""
        passed_over: list[tuple[tuple, str]] = []
        gone = job.path if job.picked and not os.path.isfile(job.path) else None
        for path in (job.path, *job.others):
            if not os.path.isfile(path):  # stat here: a hung network drive holds the worker
                continue
            try:
                clf = Classifier.from_file(path)
            except Exception as err:  # noqa: BLE001 - a broken candidate is passed over, said
                passed_over.append((_file_key(path), _read_error(path, err)))
                continue
            picked_folder = job.picked and path == job.path and clf.mode is None
            if clf.preprocess_kind == job.kind or picked_folder:
                return ModelResult(job.token, clf, None, tuple(passed_over), gone)
        return ModelResult(job.token, None, None, tuple(passed_over), gone)

    @Slot(object)
    def decode(self, job: _ImageJob) -> None:
        """Read an image file (or take pixels) and fit it to the canvas, off the GUI thread."""
        from nndesk.preprocess import blank_image_error, canvas_pixels, is_blank

        try:
            image = _pixels_of(job.source, job.name)
        except NndeskError as err:  # the message already names the file
            self.image_decoded.emit(ImageResult(job.token, None, user_message(err)))
            return
        except Exception as err:  # noqa: BLE001 - one line for the user, never a dead thread
            message = f"{job.name}: cannot read image ({type(err).__name__})"
            self.image_decoded.emit(ImageResult(job.token, None, message))
            return
        try:
            blank = is_blank(image)  # an empty canvas would not say why: say it as the CLI does
            pixels = None if blank else canvas_pixels(image)
        except Exception as err:  # noqa: BLE001 - NndeskError or an unexpected one, one line
            reason = str(err) if isinstance(err, NndeskError) else type(err).__name__
            self.image_decoded.emit(ImageResult(job.token, None, f"{job.name}: {reason}"))
            return
        if blank:
            message = user_message(blank_image_error(job.name))
            self.image_decoded.emit(ImageResult(job.token, None, message))
            return
        self.image_decoded.emit(ImageResult(job.token, pixels, None))

    saliency_finished = Signal(object, object, str)  # key, float32 (28, 28) | None, error or ""

    @Slot(object)
    def run_saliency(self, job: _SaliencyJob) -> None:
        try:
            image = job.image28
            result = saliency(job.model, job.normalizer, image, job.class_index, kind=job.kind)
            self.saliency_finished.emit(job.key, result, "")
        except Exception as err:  # noqa: BLE001 - report to the GUI instead of killing the thread
            self.saliency_finished.emit(job.key, None, str(err))

    @Slot(object)
    def run(self, job: _Job) -> None:
        """Answer first (``predicted``: the bars repaint), then explain and trace (``finished``)."""
        try:
            start = time.perf_counter()
            clf = job.classifier
            if job.image28 is not None:
                image28 = job.image28
            elif job.image is None:
                image28 = None
            else:  # a dot too: it is read, and the window says it is too little (s63)
                image28 = clf.prepare(job.image)
            prediction = None if image28 is None else clf.classify_prepared(image28)
            latency = (time.perf_counter() - start) * 1000.0
        except Exception as err:  # noqa: BLE001 - report to the GUI instead of killing the thread
            self.finished.emit(PredictionResult(job.generation, None, None, 0.0, str(err)))
            return
        self.answer_shown.clear()
        self.predicted.emit(PredictionResult(job.generation, prediction, None, latency))
        painted = True
        if job.wait_for_paint and prediction is not None:
            painted = self.answer_shown.wait(ANSWER_PAINT_WAIT)
        try:
            explanation = None
            if prediction is not None and job.explain_model is not None:
                explanation = explain_prediction(
                    job.explain_model,
                    clf.normalizer,
                    prediction.input_image,
                    prediction.probabilities,
                    kind=job.saliency_kind,
                    n_units=HIDDEN_UNITS,
                )
            snapshot = None
            if prediction is not None and job.inside and job.explain_model is not None:
                tr = inside.trace(
                    job.explain_model, clf.normalizer, prediction.input_image, clf.class_names
                )
                maps = (
                    () if inside.is_mlp(job.explain_model) else render_rows(job.explain_model, tr)
                )
                snapshot = InsideSnapshot(clf, job.explain_model, tr, maps)
            self.finished.emit(
                PredictionResult(
                    job.generation,
                    prediction,
                    explanation,
                    latency,
                    None,
                    snapshot,
                    painted,
                    job.inside,
                )
            )
        except Exception as err:  # noqa: BLE001 - report to the GUI instead of killing the thread
            failed = PredictionResult(
                job.generation, prediction, None, latency, str(err), traced=job.inside
            )
            self.finished.emit(failed)


class PredictionController(QObject):
    """The current classifier and live predictions of the canvas image."""

    classifier_changed = Signal(object)  # Classifier | None, now in use (picker, mode, training)
    prediction_ready = Signal(object)  # Prediction | None for the newest image (None: blank)
    explanation_ready = Signal(object)  # explain.Explanation | None, for the same prediction
    inside_ready = Signal(object)  # InsideSnapshot | None, while the Inside page wants them
    latency_measured = Signal(float)  # milliseconds of preprocess + forward of that prediction
    failed = Signal(str)  # one-line message when a prediction raised
    #: (key, float32 (28, 28) | None) answering ``request_saliency(key, ...)``
    saliency_ready = Signal(object, object)
    _saliency_submitted = Signal(object)  # _SaliencyJob, queued to the worker thread
    image_ready = Signal(object)  # uint8 (280, 280): the newest opened/dropped/pasted image, fitted
    image_failed = Signal(str)  # one line naming the image and why it cannot be used
    model_failed = Signal(str)  # one line naming a model file ``open_model`` could not use
    #: (path as asked, its ``model_list.Signature`` then or None, one line why: an
    #: ``i18n.Message`` when it can be said in another language later): a model file a read
    #: could not use (``open_model``, or a candidate ``open_first_of_kind`` passed over)
    model_refused = Signal(str, object, object)
    #: True: the mode's model is being read (``open_first_of_kind``: at start, a mode switch);
    #: False: it is in use, or none could be (``classifier_changed`` came first)
    model_loading = Signal(bool)
    #: the model file picked in the mode is gone (``ModelResult.picked_gone``): its path and the
    #: model put in use instead (None: none), after that one is in use
    picked_model_gone = Signal(str, object)
    #: float32 (28, 28) | None: while no model answers (the mode's model is read, or there is
    #: none), the newest drawing as the mode's model will see it (None: nothing to read);
    #: right after ``prediction_ready(None)``, so the preview never blinks "nothing drawn"
    input_prepared = Signal(object)
    _model_submitted = Signal(object)  # _ModelJob, queued to the worker thread
    _job_submitted = Signal(object)  # _Job, queued to the worker thread
    _image_submitted = Signal(object)  # _ImageJob, queued to the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._classifier: Classifier | None = None
        self._explain_model: Sequential | None = None
        self._generation = 0
        # results from this generation on answer for the model in use: a training run's newer
        # snapshot does not make an older one's answer wrong (under load every answer would
        # otherwise be dropped for the next snapshot), a model the user picked does
        self._first_current = 0
        self._image: np.ndarray | None = None  # newest canvas image (None: nothing to predict)
        self._image28: np.ndarray | None = None  # or newest prepared image (test images)
        self._pending = False
        self._busy = False
        self._saliency_kind = "gradient_x_input"
        self._inside_wanted = False
        # while a run trains and the Inside page is shown, each training snapshot's answer
        # reaches the bars once the page has its diagram on screen (the bars and the diagram
        # show one moment of the run, walk65 D24), and the next snapshot waits for that
        self._live_request = False  # the request waiting is a training snapshot's
        self._answer_late = False  # the job under way answers after its trace is shown
        self._inside_unshown = False  # a training snapshot's trace is not yet on the page
        self._held: PredictionResult | None = None  # its answer, until then
        self._inside_wait = QTimer(self)
        self._inside_wait.setSingleShot(True)
        self._inside_wait.setInterval(INSIDE_SHOWN_WAIT_MS)
        self._inside_wait.timeout.connect(self.inside_shown)
        # the bars report their paints (``answer_painted``): jobs then explain after the paint;
        # a job whose answer no paint followed (bars hidden) turns the wait off until one comes
        self._answer_watched = False
        self._saliency_busy = False
        self._saliency_pending: _SaliencyJob | None = None  # only the newest request waits
        self._saliency_copy: tuple[Sequential, Sequential] | None = None  # (model, its copy)
        self._thread = QThread(self)
        self._thread.setObjectName("prediction")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._job_submitted.connect(self._worker.run)
        self._worker.predicted.connect(self._on_worker_predicted)
        self._worker.finished.connect(self._on_worker_finished)
        self._image_submitted.connect(self._worker.decode)
        self._worker.image_decoded.connect(self._on_worker_image_decoded)
        self._image_token = 0
        self._images_running = 0
        self._model_submitted.connect(self._worker.read_model)
        self._worker.model_read.connect(self._on_worker_model_read)
        self._model_token = 0
        self._models_running = 0
        self._loading = False  # an open_first_of_kind read is the newest model request
        # the kind of model the mode wants (``open_first_of_kind``): while none answers, the
        # preview's input is prepared for it, beside a read that holds the worker
        self._mode_kind = "digits"
        self._preparer = InputPreparer(self)
        self._preparer.prepared.connect(self._on_preparer_prepared)
        self._saliency_submitted.connect(self._worker.run_saliency)
        self._worker.saliency_finished.connect(self._on_worker_saliency_finished)
        self._thread.start()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(THROTTLE_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    # ---- the model --------------------------------------------------------------------------
    def current(self) -> Classifier | None:
        return self._classifier

    @Slot(object)
    def set_classifier(self, clf: Classifier | None) -> None:
        """Use ``clf`` from now on (picker, mode switch, end of training) and re-predict."""
        self._use(clf)
        self._first_current = self._generation
        self.classifier_changed.emit(clf)
        self._request_now()

    @Slot(object)
    def live_update(self, clf: Classifier) -> None:
        """A weights snapshot during training: re-predict the drawing, keep the picker as it is.

        The snapshot is this controller's own copy (``Session.classifier``; nothing else holds
        it), so the explanation runs on it as it is instead of on a second copy."""
        self._use(clf, private=True)
        self._live_request = True
        self._request_now()

    def _use(self, clf: Classifier | None, private: bool = False) -> None:
        self._classifier = clf
        self._generation += 1
        # saliency runs forward+backward, which overwrite layer caches: a shared model gets its
        # own copy so evaluation or training threads holding the same model are never disturbed
        if clf is None:
            self._explain_model = None
        else:
            self._explain_model = clf.model if private else copy.deepcopy(clf.model)

    def set_saliency_kind(self, kind: str) -> None:
        self._saliency_kind = kind
        self._request_now()

    def saliency_kind(self) -> str:
        return self._saliency_kind

    @Slot(bool)
    def set_inside_wanted(self, wanted: bool) -> None:
        """Trace every layer with each prediction (``inside_ready``) while ``wanted``: the Inside
        page asks while it is shown, so a hidden page costs nothing."""
        if wanted == self._inside_wanted:
            return
        self._inside_wanted = wanted
        if wanted:
            self._request_now()
        else:
            self.inside_shown()  # nothing waits for a page no longer shown

    @Slot()
    def inside_shown(self) -> None:
        """The Inside page has the last snapshot it was sent on screen (wired by the app): its
        answer goes to the bars, and the next training snapshot may be answered."""
        self._inside_wait.stop()
        held, self._held = self._held, None
        if held is not None and self._answers_current(held):
            self.prediction_ready.emit(held.prediction)
            self.latency_measured.emit(held.latency_ms)
        if self._inside_unshown:
            self._inside_unshown = False
            self._dispatch()

    # ---- requests ---------------------------------------------------------------------------
    @Slot(object)
    def request(self, image: np.ndarray) -> None:
        """Predict ``image`` (canvas pixels) soon: throttled, and only the newest one is kept."""
        self._image, self._image28 = image, None
        self._pending = True
        self._live_request = False  # a drawing's answer: the bars first, never held
        if not self._timer.isActive():
            self._timer.start()

    def request_prepared(self, image28: np.ndarray) -> None:
        """Predict an already preprocessed (28, 28) image now (a test image from the dataset)."""
        self._image, self._image28 = None, np.asarray(image28, np.float32)
        self._live_request = False
        self._request_now()

    def request_now(self, image: np.ndarray) -> None:
        """Predict ``image`` without waiting for the throttle (end of a stroke, opened file)."""
        self._image, self._image28 = image, None
        self._live_request = False
        self._request_now()

    def _request_now(self) -> None:
        self._timer.stop()
        self._pending = True
        self._dispatch()

    def open_image(self, source, name: str) -> None:
        """Decode an image file (its path), clipboard or drop data (``pasted_image.image_payload``:
        bytes or a QImage) or take pixels (an array), and fit them to the canvas in the worker
        thread: a large photo never freezes the window. Emits
        ``image_ready`` or ``image_failed``; an older request still running is superseded."""
        self._image_token += 1
        self._images_running += 1
        self._image_submitted.emit(_ImageJob(self._image_token, source, name))

    @Slot(object)
    def _on_worker_image_decoded(self, result: ImageResult) -> None:
        self._images_running -= 1
        if result.token != self._image_token:
            return  # the user asked for another image meanwhile
        if result.error is not None:
            self.image_failed.emit(result.error)
        else:
            self.image_ready.emit(result.pixels)

    def open_model(self, path: str) -> None:
        """Read a model file in the worker thread and put it in use (``classifier_changed``), or
        emit ``model_failed``; an older request still running is superseded."""
        self._model_token += 1
        self._models_running += 1
        self._model_submitted.emit(_ModelJob(self._model_token, str(path)))

    def is_loading(self) -> bool:
        """True while the mode's model is read (``model_loading``)."""
        return self._loading

    def open_first_of_kind(self, kind: str, paths: list, picked: bool = False) -> None:
        """Put in use the first of ``paths`` that reads as a ``kind`` model, read in the worker
        thread (a mode switch: its shipped model, then the recent ones), or None if none does;
        newest request only, like ``open_model``. ``picked``: the first path is the model picked
        in the mode, taken even when it is a folder model (whose file says "digits").
        ``model_loading`` says when the read starts and ends: the window says the model is
        loading while none answers, and a drawing made meanwhile is predicted once the model
        is in use."""
        self._model_token += 1  # a read still under way is superseded
        if not paths:
            self.set_classifier(None)
            self._set_loading(False)
            return
        self._models_running += 1
        first, *others = (str(p) for p in paths)
        self._mode_kind = kind
        self._set_loading(True)
        self._model_submitted.emit(_ModelJob(self._model_token, first, kind, tuple(others), picked))

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.model_loading.emit(loading)

    @Slot(object)
    def _on_worker_model_read(self, result: ModelResult) -> None:
        self._models_running -= 1
        for (path, found), line in result.passed_over:  # the Model box marks them damaged
            self.model_refused.emit(path, found, line)
        if result.token != self._model_token:
            return  # the user chose another model meanwhile
        if result.error is not None:
            self._set_loading(False)
            self.model_failed.emit(result.error)
            return
        self.set_classifier(result.classifier)  # re-predicts a drawing made while it loaded
        self._set_loading(False)
        if result.picked_gone is not None:
            self.picked_model_gone.emit(result.picked_gone, result.classifier)
        unsaid = [(key, line) for key, line in result.passed_over if key not in _passed_over_said]
        if unsaid:  # one message at a time: the next switch says the next damaged file
            key, line = unsaid[0]
            _passed_over_said.add(key)
            self.model_failed.emit(_instead(line, result.classifier))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        if self._busy or not self._pending:
            return  # the running job's finish handler dispatches the newest pending image
        if self._live_request and self._inside_unshown:
            return  # a training snapshot: after the Inside page shows the last (inside_shown)
        self._pending = False
        if self._classifier is None and self._image is not None:
            # the worker may be reading the model: the drawing is prepared beside it, and no
            # answer goes out until it is (_on_preparer_prepared)
            self._preparer.submit(self._image, self._mode_kind)
            return
        if self._classifier is None or (self._image is None and self._image28 is None):
            self._say_no_answer(self._image28)
            return
        self._busy = True
        # a training snapshot's answer on the Inside page: the bars wait for its trace
        self._answer_late = self._live_request and self._inside_wanted
        self._live_request = False
        job = _Job(
            self._generation,
            self._classifier,
            self._explain_model,
            self._image,
            self._image28,
            # the live overlay is always a one-pass map: the Why page asks the explain
            # controller for the slower kinds, so a stroke never waits for them
            self._saliency_kind if self._saliency_kind in FAST_KINDS else "gradient_x_input",
            self._inside_wanted,
            self._answer_watched and not self._answer_late,
        )
        self._job_submitted.emit(job)

    def _say_no_answer(self, image28: np.ndarray | None = None) -> None:
        """No model answers, or nothing is drawn; with no model, ``image28`` is the drawing as
        the mode's model will see it (``input_prepared``)."""
        self._held = None  # a training snapshot's answer held back: nothing to answer now
        self.prediction_ready.emit(None)
        self.explanation_ready.emit(None)
        if self._inside_wanted:
            self.inside_ready.emit(None)
        if self._classifier is None:
            self.input_prepared.emit(image28)

    @Slot(int, object)
    def _on_preparer_prepared(self, token: int, image28) -> None:
        if token == self._preparer.latest() and self._classifier is None:
            self._say_no_answer(image28)
        # else: the model came meanwhile (its own answer follows) or a newer drawing waits

    def _answers_current(self, result: PredictionResult) -> bool:
        return result.generation >= self._first_current

    @Slot(object)
    def _on_worker_predicted(self, result: PredictionResult) -> None:
        """The answer, before its explanation: the bars never wait for saliency or the trace
        (but a training snapshot's, on the Inside page, goes with its trace)."""
        if not self._answers_current(result) or self._answer_late:
            return
        self._held = None  # a drawing's newer answer: the one held back is not shown
        self.prediction_ready.emit(result.prediction)
        if result.prediction is not None:
            self.latency_measured.emit(result.latency_ms)

    @Slot()
    def answer_painted(self) -> None:
        """The bars painted (wired by the app): the running job may explain now."""
        self._answer_watched = True
        self._worker.answer_shown.set()

    @Slot(object)
    def _on_worker_finished(self, result: PredictionResult) -> None:
        self._busy = False
        late, self._answer_late = self._answer_late, False
        if not result.answer_painted:
            self._answer_watched = False
        if self._answers_current(result):
            shown_later = (
                late and result.prediction is not None and result.inside is not None
                and self._inside_wanted
            )  # fmt: skip
            if late and result.prediction is not None and not shown_later:
                self.prediction_ready.emit(result.prediction)  # no trace to wait for
                self.latency_measured.emit(result.latency_ms)
            if result.generation != self._generation and not self._pending:
                self._pending = True  # answered by an older snapshot: ask the newest one too
            if result.error is not None:
                self.failed.emit(f"prediction failed: {result.error}")
                if result.prediction is None:
                    self.prediction_ready.emit(None)  # no answer came before the error
            self.explanation_ready.emit(result.explanation)
            # a job sent before the page opened traced nothing: the page does not say "draw
            # something" over a drawing (walk65 D24's first visit); the traced one follows
            if self._inside_wanted and (result.traced or result.prediction is None):
                if shown_later:  # the bars' answer once the page shows it (inside_shown)
                    self._held, self._inside_unshown = result, True
                    self._inside_wait.start()
                self.inside_ready.emit(result.inside)
        elif not self._pending:
            self._pending = True  # the model changed under the job: predict again with the new one
        self._dispatch()

    # ---- saliency of any image under any model (the Mistakes page) --------------------------
    @Slot(object, object, object, int)
    def request_saliency(
        self, key: object, clf: Classifier, image28: np.ndarray, class_index: int
    ) -> None:
        """Compute the saliency of ``class_index`` for ``image28`` under ``clf`` on the worker.

        ``saliency_ready(key, map)`` answers, in the kind the Why page chose; while one map is
        being computed only the newest request waits, so scrolling through tiles never queues.
        """
        if self._saliency_copy is None or self._saliency_copy[0] is not clf.model:
            self._saliency_copy = (clf.model, copy.deepcopy(clf.model))
        self._saliency_pending = _SaliencyJob(
            key,
            self._saliency_copy[1],
            clf.normalizer,
            np.asarray(image28, np.float32),
            int(class_index),
            self._saliency_kind,
        )
        self._dispatch_saliency()

    def _dispatch_saliency(self) -> None:
        if self._saliency_busy or self._saliency_pending is None:
            return
        job, self._saliency_pending = self._saliency_pending, None
        self._saliency_busy = True
        self._saliency_submitted.emit(job)

    @Slot(object, object, str)
    def _on_worker_saliency_finished(self, key: object, result, error: str) -> None:
        self._saliency_busy = False
        if error:
            self.failed.emit(f"saliency failed: {error}")
        self.saliency_ready.emit(key, result)
        self._dispatch_saliency()

    def is_idle(self) -> bool:
        """True when no job runs and none waits (tests, screenshots)."""
        return (
            not self._busy
            and not self._pending
            and not self._timer.isActive()
            and not self._images_running
            and not self._models_running
            and not self._saliency_busy
            and self._saliency_pending is None
            and self._preparer.is_idle()
        )

    # ---- shutdown ---------------------------------------------------------------------------
    @Slot()
    def shutdown(self) -> None:
        """Stop the worker thread (the window calls this before it closes)."""
        self._timer.stop()
        self._worker.answer_shown.set()  # a job waiting for the bars stops waiting
        self._preparer.shutdown()
        join_and_free(self._thread, self._worker, 5000)  # worker_freeing: not by deleteLater
