"""Delete… on the Runs page: the questions it asks (each run named, a link offered alone, the
model in use said), what it trashes, and the warnings of what could not go."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.errors import NndeskError, user_message
from nndesk.plain_text import one_line
from nndesk.run_lock import is_training
from nndesk.run_record import RunRecord
from nndesk.runs import RunStore, TrashUnavailableError
from nndesk.ui.language import translate
from nndesk.ui.runs_table import CELL_CHARS, run_name


def ask(parent: QWidget, title: str, question: str) -> bool:
    """Yes/No, No by default."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, translate("RunsView", "Runs"), message)


class RunDeletion:
    """Deletes runs of ``store`` as the Runs page's Delete… does, its boxes over ``parent``."""

    def __init__(self, parent: QWidget, store: RunStore) -> None:
        self._parent = parent
        self._store = store

    def delete(self, selected: list[RunRecord], in_use: str | os.PathLike | None = None) -> bool:
        """Delete the ``selected`` runs once the person says Yes (``in_use``: the file of the
        model the window uses, said to go on answering). False when the answer was No."""
        links = {r.run_id: self._store.link_target(r.run_id) for r in selected}
        for record in selected:
            if links[record.run_id] is not None:
                self._remove_link(record.run_id, links[record.run_id])
        selected = [r for r in selected if links[r.run_id] is None]
        # a run its process still trains is not deleted (RunStore.delete): said before asking
        busy = [r for r in selected if r.status == "running" and is_training(r.folder)]
        if busy:
            self._warn(
                translate(
                    "RunsView", "Still training, so not deleted: {names}. Stop it first."
                ).format(names=", ".join(one_line(r.run_id, CELL_CHARS) for r in busy))
            )
            selected = [r for r in selected if r not in busy]
        if not selected:
            return True
        names = [run_name(r) for r in selected]
        listed = "\n".join(f"• {n}" for n in names[:10])
        if len(names) > 10:
            listed += translate("RunsView", "\n… and {n} more").format(n=len(names) - 10)
        question = (
            translate("RunsView", "Move this run to the trash?\n\n{listed}\n\nfrom {folder}")
            if len(names) == 1
            else translate(
                "RunsView", "Move these {n} runs to the trash?\n\n{listed}\n\nfrom {folder}"
            )
        ).format(n=len(names), listed=listed, folder=self._store.root)
        outside = [str(r.elsewhere) for r in selected if r.elsewhere and not r.model_file]
        if outside:  # the trash takes them too (RunStore.delete): say where they are
            question += "\n\n" + translate(
                "RunsView", "Saved outside the runs folder, these go to the trash too:\n{files}"
            ).format(files="\n".join(f"• {f}" for f in outside[:10]))
        using = self._run_of_model_in_use(selected, in_use)
        if using is not None:
            # the trashed file is not read again: the model stays in memory and in the picker
            said = (
                translate(
                    "RunsView",
                    "Its model is the one in use: it keeps answering until you choose another "
                    "model.",
                )
                if len(selected) == 1
                else translate(
                    "RunsView",
                    "The model of {run} is the one in use: it keeps answering until you "
                    "choose another model.",
                ).format(run=run_name(using))
            )
            question += "\n\n" + said
        if not self._ask(translate("RunsView", "Delete runs"), question):
            return False
        for record, name in zip(selected, names, strict=True):
            try:
                self._store.delete(record.run_id)
            except TrashUnavailableError as err:
                question = translate(
                    "RunsView", "{error}.\n\nDelete {name} permanently? This cannot be undone."
                ).format(error=err, name=name)
                if self._ask(translate("RunsView", "Delete permanently?"), question):
                    self._delete_permanently(record, name)
            except (NndeskError, OSError) as err:
                self._warn(
                    translate("RunsView", "could not delete {name}: {error}").format(
                        name=name, error=user_message(err)
                    )
                )
        return True

    def _remove_link(self, name: str, target: str) -> None:
        """A link in the runs folder is not a run: offer to remove the link alone."""
        question = translate(
            "RunsView",
            "{name} is a link to {target}, not a run folder.\n\nRemove the link? Only the link "
            "in {runs} goes; {target} and everything in it stay as they are.",
        ).format(name=name, target=target, runs=self._store.root)
        if self._ask(translate("RunsView", "Remove link"), question):
            try:
                self._store.remove_link(name)
            except (NndeskError, OSError) as err:
                self._warn(
                    translate("RunsView", "could not remove the link {name}: {reason}").format(
                        name=name, reason=err
                    )
                )

    def _delete_permanently(self, record: RunRecord, name: str) -> None:
        try:
            self._store.delete(record.run_id, permanent=True)
        except (NndeskError, OSError) as err:
            self._warn(
                translate("RunsView", "could not delete {name}: {error}").format(
                    name=name, error=err
                )
            )

    @staticmethod
    def _run_of_model_in_use(
        records: list[RunRecord], in_use: str | os.PathLike | None
    ) -> RunRecord | None:
        """The run among ``records`` whose model file is ``in_use``, or None."""
        if in_use is None:
            return None
        in_use = os.path.abspath(in_use)
        for record in records:
            path = record.model_path
            if path is not None and os.path.abspath(path) == in_use:
                return record
        return None

    def _ask(self, title: str, question: str) -> bool:
        return ask(self._parent, title, question)

    def _warn(self, message: str) -> None:
        warn(self._parent, message)
