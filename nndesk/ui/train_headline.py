"""The Train page's headline: the run's settings while it trains, else what Train would do
(naming the latest run kept from earlier sessions)."""

from __future__ import annotations

from PySide6.QtCore import Slot

from nndesk.plain_text import one_line
from nndesk.run_record import INTERRUPTED
from nndesk.setting_words import title_key
from nndesk.ui.language import translate
from nndesk.ui.run_preset_words import with_preset
from nndesk.ui.runs_legend import shown_title
from nndesk.ui.runs_table import started_text
from nndesk.ui.train_continue_look import ContinueLook, ModelLook
from nndesk.ui.train_run_state import RunState
from nndesk.ui.train_texts import (
    idle_title_forms,
    latest_title_forms,
    run_headline,
    run_headline_forms,
)


class HeadlineMixin:
    """The Train page's headline, said in the window's language.

    Mixed into ``TrainingPanel`` (ui/training_panel.py), whose ``__init__`` makes the widgets
    and ``run_state``, the run's state these methods read and set (ui/train_run_state.py).
    """

    run_state: RunState
    continue_look: ContinueLook

    def _show_title(self) -> None:
        """The headline: the run's settings as it started, then what was changed by hand
        ("· lr 0.002"): the rate set by hand in place of the starting one read as the run's
        own ("Adam lr=50" for a lab started at 0.001, walk60 D2)."""
        run = self.run_state.run
        if run is None:
            return
        config = run.config.to_dict()
        steered = {
            name: value
            for name, value in self.steering.settings.items()
            if name != "lr" and config.get(name) != value
        }
        if self.steering.lr is not None and self.steering.lr != config.get("lr"):
            steered = {"lr": self.steering.lr, **steered}
        self._say_headline(
            (
                "run",
                {
                    "config": config,
                    "steered": steered,
                    "lr_was": self.steering.lr_was,
                    "first_epoch": run.first_epoch,
                    "inside": run.inside_first_epoch,
                    "kept": dict(self.run_state.kept),
                    "continuing": self.run_state.continuing,
                    # the lab preset it came from leads it (walk64 D17)
                    "preset": getattr(self.controller.record, "preset", None),
                },
            )
        )

    def _say_headline(self, headline: tuple) -> None:
        """Say ``headline`` (facts: ``RunHeader.headline``) in the window's language."""
        tip = ""
        continuable = self.continue_model() is not None
        if headline == ("idle",) and not continuable and self._own_latest() is not None:
            tip = self._how_to_continue_latest()  # the headline names the latest run
        elif headline and headline[0] == "run":
            tip = title_key(headline[1]["config"])  # "BCE: binary cross-entropy"
        shorter: tuple[str, ...] = ()
        if headline[:1] == ("run",):
            shorter = run_headline_forms(headline[1])[1:]
        elif headline == ("idle",):  # the latest run's name kept, its settings said shorter
            shorter = self._idle_title_forms()[1:]
        self.header.set_title(self._headline_text(headline), tip, headline, shorter)

    def _headline_text(self, headline: tuple) -> str:
        kind = headline[0] if headline else ""
        if kind == "failed":
            if len(headline) > 1:  # the curves and model line of the run before it show
                return translate(
                    "TrainingPanel", "The run did not start · the curves below are the last run's"
                )
            return translate("TrainingPanel", "The run did not start")
        if kind == "idle":
            return self._idle_title()
        return run_headline(headline[1]) if kind == "run" else ""

    def say_idle(self, again: bool = False) -> None:
        """The headline with no run going; ``again``: only when it says that already (its
        words may have changed)."""
        if not again or self.header.headline == ("idle",):
            self._say_headline(("idle",))

    def _idle_title(self) -> str:
        """The headline with no run going (``train_texts.idle_title``)."""
        return self._idle_title_forms()[0]

    def _idle_title_forms(self) -> tuple[str, ...]:
        """The headline with no run going and shorter ways to say it (``idle_title_forms``)."""
        from nndesk.controllers.datasets import TITLES

        name = self.form.dataset_name()
        # what the data check last found, never a stat here (a hung data folder would freeze
        # the window): without an answer yet it asks, and says the headline again when it comes
        ready = name in TITLES and self.data_check.ready(name)
        ready = ready and self.data_check.continue_needs is None
        model = self.continue_model()
        if model is not None:
            return idle_title_forms(
                name, ready, model.name, self.run_state.continuable_dataset, None
            )
        return idle_title_forms(name, ready, None, None, self._own_latest())

    def continue_model(self) -> ModelLook | None:
        """The model file Continue trains further, while it is on disk (as far as the last
        look off the GUI thread knows: ``ContinueLook``), else None."""
        continuable = self.run_state.continuable  # (its file, its curves) or None
        if continuable is None:
            return None
        look = self.continue_look.look(continuable[0], self.runs_view.records(), self.store.root)
        return look if look.there else None

    def _on_continue_look_changed(self) -> None:
        """An answer about Continue's model file differs from what the page said: the
        headline and the Continue button again."""
        self.say_idle(again=True)
        self._update_buttons()
        self.say_model_gone()

    def say_model_gone(self) -> None:
        """When Continue's model is known to be gone (its run deleted): the lines naming it
        say so ("Model saved: <a deleted file>", walk57 #5), and the line under the bar keeps
        the test without "· model saved in the run history" (s58)."""
        continuable = self.run_state.continuable
        if continuable is None or self.continue_model() is not None:
            return
        path = str(continuable[0])
        if path in self.model_label.text():
            self.model_label.setText(
                translate("TrainingPanel", "The model is no longer there: {path}").format(path=path)
            )
        tested = self.run_state.tested_line
        if tested is not None and self.speed.text() == tested[0]:
            self.speed.setText(tested[1])

    @Slot()
    def _on_runs_view_listed_again(self) -> None:
        """Runs were listed (a run deleted from Runs among them): whether Continue's model
        is still there is looked at again (walk57 #5: Continue stayed, and failed four times,
        after the run on show was deleted)."""
        self._update_buttons()

    def _latest_record(self, dataset: str | None = None):
        """The run of the Runs list started last (damaged ones aside), of those on ``dataset``
        when given, or None."""
        records = [
            r
            for r in self.runs_view.records()
            if not r.is_damaged and dataset in (None, r.config.get("dataset"))
        ]
        return max(records, key=lambda r: r.created_at) if records else None

    def _own_latest(self):
        """The latest run on the dataset Train would train (the mode's, or the form's image
        folder): in Digits the headline named the Fashion-MNIST run of a minute before, as if
        it were Digits' (verify60 D-H)."""
        return self._latest_record(self.form.dataset_name())

    @Slot()
    def _on_runs_view_listed(self) -> None:
        """At start, with runs kept from earlier sessions, the headline names the latest
        instead of "No run yet" (that read as if nothing had ever been trained)."""
        state = self.run_state
        idle = state.run is None and not self.controller.is_running()
        self.name_latest_in_replay()
        if self._latest_record() is None:
            return
        if idle and self.header.headline == ("idle",):  # said before the runs were listed
            self._say_headline(self.header.headline)
            return
        self.say_first_title()

    def name_latest_in_replay(self) -> None:
        """With nothing to replay, the Replay tab names the latest run on the dataset Train
        would train: this window's with no epoch ended, or one of an earlier session. Another
        mode's run is not this page's: after a Fashion run, the Digits page's Replay said "The
        latest run, from 19:49, has not finished an epoch" (verify63 V1). Said again when the
        form's dataset changes."""
        if len(self.controller.replay):
            return
        latest = self._own_latest()
        record = self.controller.record
        here = {self.run_state.last_run_id, record.run_id if record is not None else None}
        if latest is not None and latest.run_id in here:  # this window's, no epoch ended
            self.replay_view.set_run_here(started_text(latest))
        else:  # (a run of this window with no epoch ended is still named first)
            self.replay_view.set_earlier_run(started_text(latest) if latest is not None else "")

    def say_first_title(self) -> None:
        """While the page says what it said at start (no run here yet), name the latest run
        on the dataset Train would train, or no run when it has none; said again when the
        form's dataset changes (the window's mode, an image folder)."""
        if not self.shows_no_run():
            return
        latest = self._own_latest()
        raced = self._race_title(latest)
        if raced is not None:
            self._first_title = raced
            self.header.set_title(raced, tip=self._how_to_continue_latest() if latest else "")
            return
        if latest is None:
            self._first_title = translate("TrainingPanel", "No run yet")
            self.header.set_title(self._first_title)
            return
        if latest.status == INTERRUPTED:
            # its app or terminal was closed or killed while it trained: said at the next
            # start, not only in the Runs tab's status column (cut off at 1024 px)
            said = translate(
                "TrainingPanel",
                "No run yet in this window · the latest ({started}) was interrupted: {title}",
            )
            said_short = translate(
                "TrainingPanel", "The latest run ({started}) was interrupted: {title}"
            )
            tip = translate(
                "RunsView",
                "The app or terminal training this run was closed before the run ended. "
                "Its curves so far are kept.",
            )
        else:
            said = translate(
                "TrainingPanel", "No run yet in this window · the latest ({started}): {title}"
            )
            said_short = translate("TrainingPanel", "The latest run ({started}): {title}")
            tip = self._how_to_continue_latest()
        # the run's name whole: its settings said shorter where two lines do not hold them,
        # then without "No run yet in this window", which left too little even for the name
        # alone in Vietnamese at Larger text at 1024 px ("…lượt gần nhất (07:32):
        # mnist-relu-sigmoid-unit, đã…", fixC s67)
        titles = [with_preset(title, latest.preset) for title in latest_title_forms(latest)]
        started = started_text(latest)
        forms = [
            lead.format(title=t, started=started) for lead in (said, said_short) for t in titles
        ]
        self._first_title = forms[0]
        self.header.set_title(self._first_title, tip, (), tuple(forms[1:]))

    def shows_no_run(self) -> bool:
        """Whether the page says what it says at start: no run of its own trains or is on show
        (a race may go: its lanes are on the Race tab)."""
        state = self.run_state
        fresh = (
            state.last_run_id is None and state.continuable is None and state.loaded_model is None
        )
        idle = state.run is None and not self.controller.is_running()
        return idle and fresh and self.title.text() == self._first_title

    def _race_title(self, latest) -> str | None:
        """The headline of a page with no run of its own while a race goes, or after one in
        this window (``latest``: the latest run on the form's dataset, a kept lane perhaps);
        None with no race here. "No run yet" with four lanes training, and "No run yet in this
        window" after them, were not true (walk64 D2, D7)."""
        race = getattr(self, "race", None)
        if race is None or not race.lanes:
            return None
        if race.is_running():
            return translate(
                "TrainingPanel",
                "A race is running on the Race tab",
            )
        if latest is None:
            return translate(
                "TrainingPanel", "A race ran in this window · its lanes are on the Race tab"
            )
        return translate(
            "TrainingPanel", "A race ran in this window · the latest run ({started}): {title}"
        ).format(
            title=one_line(shown_title(latest, changes=False), 120), started=started_text(latest)
        )

    def _how_to_continue_latest(self) -> str:
        return translate(
            "TrainingPanel", "To train it further: Runs tab, select it, Use model, then Continue"
        )
