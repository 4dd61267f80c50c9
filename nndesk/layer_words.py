"""A layer's kind in the window's words: "Dense" is "kết nối đầy đủ" in Vietnamese.

The one place that names a layer kind for people. A model file, the CLI and the exported code
keep the class names (``Dense``, ``Conv2D``: Keras's, which English courses teach); the window
shows them through this table, so a Vietnamese learner reads "tích chập" in the Lab's and the
Map's layer lists, on the Inside page and in the Train page's Inside chart alike. Qt-free, like
``setting_words``: the words are marked with ``N_`` and shown with ``nndesk.i18n.shown``.
"""

from __future__ import annotations

from nndesk.i18n import N_, Message, localised, shown

#: layer class name -> its kind as the window names it (docs/glossary-vi.md has the Vietnamese);
#: an activation is named by its function, as everywhere in the window
LAYER_KINDS = {
    "Dense": N_("Dense"),
    "Conv2D": N_("Conv2D"),
    "MaxPool2D": N_("MaxPool2D"),
    "BatchNorm2D": N_("BatchNorm"),
    "Dropout": N_("Dropout"),
    "Flatten": N_("Flatten"),
    "Reshape": N_("Reshape"),
    "ReLU": "ReLU",
    "LeakyReLU": "LeakyReLU",
    "PReLU": "PReLU",
    "ELU": "ELU",
    "Sigmoid": N_("sigmoid"),
    "Tanh": "tanh",
    "Softmax": N_("softmax"),
}


def layer_kind(layer) -> str:
    """What kind of layer ``layer`` is (a layer, or its class name), in the window's language;
    a class the table does not know by its own name."""
    name = layer if isinstance(layer, str) else type(layer).__name__
    return shown(LAYER_KINDS.get(name, name))


def layer_label(name: str) -> Message:
    """A weighted layer's name as the training's inside record writes it (``"Dense 784→64"``,
    ``"Conv2D 1→32"``) as a ``Message``: English as it is (the coach's hints, the CLI), its
    kind in the window's words once ``localised`` ("kết nối đầy đủ 784→64")."""
    kind, _, sizes = name.partition(" ")
    return Message("{kind} {sizes}", kind=Message(LAYER_KINDS.get(kind, kind)), sizes=sizes)


def layer_label_shown(name: str) -> str:
    """``layer_label(name)`` in the window's language (the Train page's Inside chart)."""
    return localised(layer_label(name))
