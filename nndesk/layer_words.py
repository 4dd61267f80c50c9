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


#: a layer's name where a student picks or reads one (Inside, Lab, Map): the Inside diagram's
#: words, counted per kind from 1; the model's own index (0-based, activations and dropouts
#: counted) made "Hidden 2" layer 3 in the Lab and 4 in the Map (walk59 D11)
HIDDEN_NAME = N_("Hidden {k}")
CONV_NAME = N_("Conv {k}")
POOL_NAME = N_("Pool {k}")
OUTPUT_NAME = N_("Output")
#: an activation, dropout or batch norm: named after the layer it follows ("Hidden 2 ReLU")
AFTER_NAME = N_("{layer} {kind}")
_NUMBERED = {"Dense": HIDDEN_NAME, "Conv2D": CONV_NAME, "MaxPool2D": POOL_NAME}


def layer_names(kinds) -> list[str]:
    """Each layer's name in the window's language, from the layers' class names in order (or
    a model): "Conv 1", "Conv 1 ReLU", "Pool 1", …, "Hidden 1", "Hidden 1 ReLU", "Output". The
    last weighted layer is the Output; Flatten and Reshape keep their kind's word."""
    if hasattr(kinds, "layers"):
        kinds = [type(layer).__name__ for layer in kinds.layers]
    kinds = list(kinds)
    weighted = [i for i, kind in enumerate(kinds) if kind in ("Dense", "Conv2D")]
    last = weighted[-1] if weighted else None
    counts: dict[str, int] = {}
    names: list[str] = []
    owner: str | None = None
    for i, kind in enumerate(kinds):
        if i == last:
            name = owner = shown(OUTPUT_NAME)
        elif kind in _NUMBERED:
            counts[kind] = counts.get(kind, 0) + 1
            name = owner = shown(_NUMBERED[kind]).format(k=counts[kind])
        elif kind in ("Flatten", "Reshape") or owner is None:
            word = layer_kind(kind)  # a name: capitalised as the others ("Làm phẳng")
            name, owner = word[:1].upper() + word[1:], None
        else:
            name = shown(AFTER_NAME).format(layer=owner, kind=layer_kind(kind))
        names.append(name)
    return names


#: where the model's own index helps (the exported code and ``nndesk`` count layers so): the
#: tooltip of a layer picked by name
MODEL_INDEX_TIP = N_("layer {index} of the model, as the exported code counts its layers")


def layer_choice(name: str, kind: str, size: str) -> str:
    """A layer box's entry: "Hidden 1: Dense (784×512)"; "Hidden 2 ReLU (256)" when the name
    already says its kind."""
    return f"{name} {size}" if name.lower().endswith(kind.lower()) else f"{name}: {kind} {size}"


def model_index_tip(index: int) -> str:
    return shown(MODEL_INDEX_TIP).format(index=index)
