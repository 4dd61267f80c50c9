"""What the running run was sent by hand ("Set LR", "Apply to run", the coach's fix) and which
of it a batch has used: the Train page's headline and coach name the settings a run trains
with, and a value sent just before the run ended was never one of them. Qt-free."""

from __future__ import annotations

#: What ``RunSteering.unapplied`` holds as the rate sent when the schedule was given it back
SCHEDULED = object()


class RunSteering:
    """The running run's settings as steered so far."""

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        """A new run: nothing sent yet."""
        self.lr: float | None = None  # a rate set with "Set LR" (or the coach) during this run
        #: the run's settings as steered so far (its config, then "Apply to run")
        self.settings: dict = {}
        #: settings sent that no batch has used yet: name -> (the value in use before, the
        #: value sent); a run that ends first never used them
        self.unapplied: dict[str, tuple] = {}

    def start(self, settings: dict) -> None:
        """A run started with ``settings`` (its config as a dict)."""
        self.settings = dict(settings)

    def sent(self, values: dict) -> None:
        """``values`` were sent to the run; a rate shows at once, the rest once used."""
        for name, value in values.items():
            before = self.lr if name == "lr" else self.settings.get(name)
            self.unapplied[name] = (self.unapplied.get(name, (before,))[0], value)
            if name == "lr":
                self.lr = value
            else:
                self.settings[name] = value

    def schedule_back(self) -> None:
        """The run's schedule was sent the rate back: no rate set by hand from then on."""
        self.unapplied["lr"] = (self.unapplied.get("lr", (self.lr,))[0], SCHEDULED)
        self.lr = None

    def used(self, name: str, value, scheduled: bool = False) -> None:
        """A batch used ``value`` for ``name`` (``TrainingController.setting_changed``);
        ``scheduled``: a rate the schedule set again (``SettingChange.scheduled``)."""
        if name not in self.unapplied:
            return
        sent = self.unapplied[name][1]
        if value == sent or (scheduled and sent is SCHEDULED):
            del self.unapplied[name]
        else:  # an earlier value reached this batch; the one sent last is still to come
            self.unapplied[name] = (value, sent)

    def forget_unapplied(self) -> None:
        """The run ended: what no batch used goes back to the value the run trained with."""
        for name, (before, _sent) in self.unapplied.items():
            if name == "lr":
                self.lr = before
            else:
                self.settings[name] = before
        self.unapplied = {}
