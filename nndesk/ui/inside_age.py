"""How old Train > Inside's picture is, in the line under it: "As of epoch 1, batch 350".

The six charts are rendered off the GUI thread from a copy of the run's record, at most every
few seconds while the run trains (``inside_training_view``: a render's rest is four times its
length, 11-17 s apart on a busy machine, fix58b); the run goes on meanwhile, and a student could
not tell that the picture was an epoch behind the progress bar. The picture is as old as the
last sampled batch of the copy it was drawn from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.training.internals import InsideRecord
from nndesk.ui.language import integer, translate_marked

#: A picture of a run still training: where it is as of, and that it is redrawn (the short one
#: where the line has no room; the long one is its tooltip)
TRAINING = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "As of epoch {epoch}, batch {batch} of {batches}: redrawn every few seconds while the run "
    "trains",
)
TRAINING_SHORT = QT_TRANSLATE_NOOP("InsideTrainingView", "As of epoch {epoch}, batch {batch}")
#: ... without the batches per epoch (not known): the epoch alone
TRAINING_EPOCH = QT_TRANSLATE_NOOP("InsideTrainingView", "As of epoch {epoch}")
#: A picture of a run that has ended: the whole run
#: (measured: the last batch sampled is rarely the run's last batch, 431 where it stopped at 434)
ENDED = QT_TRANSLATE_NOOP(
    "InsideTrainingView", "The whole run, measured up to epoch {epoch}, batch {batch} of {batches}"
)
ENDED_SHORT = QT_TRANSLATE_NOOP("InsideTrainingView", "The whole run, to epoch {epoch}")
#: A picture drawn before the first measured batch: the layers and their starting weights
START = QT_TRANSLATE_NOOP(
    "InsideTrainingView", "Before the first measured batch: the weights as they started"
)


@dataclass(frozen=True)
class PictureAge:
    """What a picture of a run's record shows: up to ``x`` (the last sampled batch's position
    in epochs, None before the first), of a run still ``training`` or ended, its epochs of
    ``per_epoch`` batches (0: not known)."""

    x: float | None
    per_epoch: int
    training: bool

    def epoch_batch(self) -> tuple[int, int | None]:
        """The epoch (from 1) and the batch in it (from 1; None without ``per_epoch``) of ``x``.
        A batch at position x = epoch - 1 + batch / per_epoch: the last of epoch 1 is x = 1."""
        x = self.x or 0.0
        epoch = max(1, math.ceil(x - 1e-9))
        if self.per_epoch <= 0:
            return epoch, None
        batch = round((x - (epoch - 1)) * self.per_epoch)
        return epoch, min(max(batch, 1), self.per_epoch)


def age_of(record: InsideRecord, per_epoch: int | None, training: bool) -> PictureAge:
    """The age of a picture drawn from ``record`` (the copy the render draws); ``per_epoch``
    None or 0 when not known (no run started on this page yet)."""
    x = record.samples[-1].x if record.samples else None
    return PictureAge(x, max(int(per_epoch or 0), 0), training)


def age_texts(age: PictureAge) -> tuple[str, str]:
    """The line under the picture, long and short, in the window's language."""
    if age.x is None:
        text = translate_marked("InsideTrainingView", START)
        return text, text
    epoch, batch = age.epoch_batch()
    if batch is None:
        said = TRAINING_EPOCH if age.training else ENDED_SHORT
        text = translate_marked("InsideTrainingView", said).format(epoch=integer(epoch))
        return text, text
    values = {"epoch": integer(epoch), "batch": integer(batch), "batches": integer(age.per_epoch)}
    if age.training:
        long, short = TRAINING, TRAINING_SHORT
    else:
        long, short = ENDED, ENDED_SHORT
    return (
        translate_marked("InsideTrainingView", long).format(**values),
        translate_marked("InsideTrainingView", short).format(**values),
    )
