"""What the Train form shows while a run trains: only the settings that run can change stay
editable, and each greyed-out field says why (its tooltip, a note above the form, a line under
the dropout field)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from nndesk.i18n import localised
from nndesk.settings_schema import BY_NAME, FIELDS
from nndesk.training import TrainConfig
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.setting_editor import SettingEditor

#: Fields the form does not show: the dataset and layers have their own rows, threads is the
#: command line's.
OWN_ROWS = ("dataset", "arch", "threads")
#: Settings the form changes in a running run ("Apply to run"); the learning rate has its own
#: field beside the run buttons.
STEERED = tuple(f.name for f in FIELDS if f.live and f.name not in (*OWN_ROWS, "lr"))


class SteeringLook:
    """The form's fields as a running run leaves them: ``fixed`` (the preset, dataset, folder
    and layers) greyed out, each of ``editors`` as the run allows; ``note`` above the form and
    ``dropout_why`` under the dropout field say why."""

    def __init__(
        self,
        fixed: tuple[QWidget, ...],
        editors: dict[str, SettingEditor],
        note: QLabel,
        dropout_why: QLabel,
    ) -> None:
        self._fixed = fixed
        self._editors = editors
        self._note = note
        self._dropout_why = dropout_why
        self._own_tips: dict[int, str] = {}

    def show(self, run_config: TrainConfig | None) -> None:
        """While a run of ``run_config`` trains, only the settings it can change stay editable
        (``settings_schema``'s live fields, less those this run cannot take: momentum for an
        optimizer without one, dropout in a network built without it); None: all again. Each
        greyed-out field says why in its tooltip, and a note above the form (and under the
        dropout field) says it in words."""
        from nndesk.setting_changes import fixed_reason

        steering = run_config is not None
        for widget in self._fixed:
            widget.setEnabled(not steering)
            self._explain_disabled(widget, self._fixed_reason() if steering else None)
        for name, editor in self._editors.items():
            can = True
            reason = None
            if steering:
                can = name in STEERED and fixed_reason(run_config, name) is None
                if not can:
                    reason = self.disabled_reason(run_config, name)
            editor.widget.setEnabled(can)
            self._explain_disabled(editor.widget, reason)
        self._show_notes(run_config)

    def disabled_reason(self, run_config: TrainConfig, name: str) -> str:
        """Why field ``name`` cannot change in a running run of ``run_config`` (one line)."""
        from nndesk.setting_changes import fixed_reason

        if name == "lr":
            return translate(
                "TrainForm", "change the learning rate with “LR now” beside the run buttons"
            )
        reason = fixed_reason(run_config, name) if BY_NAME[name].live else None
        return localised(reason) if reason is not None else self._fixed_reason()

    @staticmethod
    def _fixed_reason() -> str:
        return translate(
            "TrainForm",
            "fixed while the run trains: it decides the network, the data or the optimiser; "
            "stop the run to change it",
        )

    def _explain_disabled(self, widget: QWidget, reason: str | None) -> None:
        """Show ``reason`` as the widget's tooltip while it is greyed out (None: its own)."""
        own = self._own_tips.setdefault(id(widget), widget.toolTip())
        if reason is None:
            widget.setToolTip(own)
        else:
            widget.setToolTip(
                translate("TrainForm", "Not while training: {reason}.").format(reason=reason)
                + "\n"
                + own
            )

    def _show_notes(self, run_config: TrainConfig | None) -> None:
        from nndesk.setting_changes import fixed_reason

        if run_config is None:
            self._note.hide()
            self._dropout_why.hide()
            return
        lines = [
            translate(
                "TrainForm",
                "While training, only the settings this run can change stay editable (press "
                "“Apply to run”); the greyed-out ones fix the network or the data: point at one "
                "for why.",
            )
        ]
        if fixed_reason(run_config, "momentum") is not None:
            optimizer = translate_marked(
                "", BY_NAME["optimizer"].choice_label(run_config.optimizer)
            )
            lines.append(
                translate(
                    "TrainForm",
                    "{optimizer} has no momentum field: only SGD with momentum or Nesterov "
                    "has one.",
                ).format(optimizer=optimizer)
            )
        self._note.setText(" ".join(lines))
        self._note.show()
        why = self._dropout_why
        if fixed_reason(run_config, "dropout") is not None:
            why.setText(
                translate(
                    "TrainForm",
                    "The net was built without dropout, so its rate cannot change in this run.",
                )
            )
            why.show()
        else:
            why.hide()
