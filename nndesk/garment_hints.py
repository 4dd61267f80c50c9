"""What tells two long-sleeved tops apart in a drawing, said when the window is "Not sure"
between them.

A drawn long-sleeved block (a filled or scribbled top with its sleeves) is where the garment
models hesitate most: the shipped ``fashion-cnn`` answers "Not sure" between two of Pullover,
Coat and Shirt for about one drawn top in four (59 of the 236 of the hand-drawn sets, calibrated
top under 60 %). Measured with that file on those drawings (``weights/README.md``, the
thirty-third round's look), one drawn cue moves them, and only one way: **an opening down the
centre front** (a line erased from the neck to the hem) takes the answer away from Pullover on
each of the 33 drawings "Not sure" between Pullover and Coat or Shirt (to Coat or Shirt, not
always the one drawn). None of the nine edits tried (the opening, half of it, buttons, a collar,
checks, pockets, a belt, a longer or a shorter body) moves one to Shirt; pockets or a belt lean
one to Coat (the opening and two pockets erased: Coat on each of the 18 "Not sure" between Coat
and Pullover). So the hint names the opening for a pullover's pairs (and pockets for a coat's),
and for Coat or Shirt says that a drawing tells them apart poorly. It is advice about drawings,
not a rule of the network: a model of the user's own may read other cues.

Measured again through the real canvas (the hand-drawn sets of ``tools.hand_garments*``
rendered by ``tools.hand_check``, the edits made with the canvas' eraser): the opening *alone* reads
Shirt, not Coat, on a plain filled top (15 of the 22 filled hand-drawn pullovers, 8 of 8 filled
blocks), and two small pockets erased on the lower front as well lean it to Coat (19 of the 22;
Coat on 12 of the 13 "Not sure" between Coat and Pullover, 12 of 14 between Coat and Shirt);
pockets erased as thick bars pulled a block away from Coat (verify65). The hints say so.
"""

from __future__ import annotations

from nndesk.i18n import QT_TRANSLATE_NOOP

#: Fashion-MNIST's long-sleeved tops, as the model files name them
LONG_SLEEVED = ("Pullover", "Coat", "Shirt")

#: one hint per pair of guesses, the window's "MainWindow" strings
TOPS_HINTS: dict[frozenset[str], str] = {
    frozenset({"Coat", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or pullover? An opening (erased neck to hem) reads Shirt; two small pockets lean "
        "it to Coat.",
    ),
    frozenset({"Shirt", "Pullover"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Shirt or pullover? A shirt opens down the front: erase a line from the neck to the hem.",
    ),
    frozenset({"Coat", "Shirt"}): QT_TRANSLATE_NOOP(
        "MainWindow",
        "Coat or shirt? Hard to tell in a drawing: two small pockets erased on it lean it to Coat.",
    ),
}


def long_sleeved_hint(class_names, first: int, second: int) -> str | None:
    """The hint (its English source, to translate in "MainWindow") for a "Not sure" whose two
    guesses are the classes ``first`` and ``second`` of a model named ``class_names``; None
    when they are not two long-sleeved tops (or the model is no garment model)."""
    names = tuple(class_names)
    if not (0 <= first < len(names) and 0 <= second < len(names)):
        return None
    return TOPS_HINTS.get(frozenset({str(names[first]), str(names[second])}))
