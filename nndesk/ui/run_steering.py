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
        #: the rate the run's last batch trained with (its schedule's, or one set by hand)
        self.rate_in_use: float | None = None
        #: the rate in force when the rate set by hand now replaced the run's own: the
        #: headline's "was" (verify64 D-A: it named the start rate 0.001 where a step schedule
        #: had made it 0.0001). Guessed from ``rate_in_use`` when sent, then the loop's own
        #: ``SettingChange.before`` once a batch used it (``_was_guessed``)
        self.lr_was: float | None = None
        self._was_guessed = False

    def start(self, settings: dict, rate: float | None = None) -> None:
        """A run started with ``settings`` (its config as a dict), its first batches at
        ``rate`` (its schedule's for the first epoch) when known."""
        self.settings = dict(settings)
        if rate is not None and self.rate_in_use is None:
            self.rate_in_use = rate

    def batch_rate(self, lr: float) -> None:
        """The run's last batch trained at ``lr``."""
        self.rate_in_use = lr

    def sent(self, values: dict) -> None:
        """``values`` were sent to the run; a rate shows at once, the rest once used."""
        for name, value in values.items():
            before = self.lr if name == "lr" else self.settings.get(name)
            self.unapplied[name] = (self.unapplied.get(name, (before,))[0], value)
            if name == "lr":
                if self.lr is None:  # the hand takes the rate from the run's own
                    self.lr_was, self._was_guessed = self.rate_in_use, True
                self.lr = value
            else:
                self.settings[name] = value

    def schedule_back(self) -> None:
        """The run's schedule was sent the rate back: no rate set by hand from then on."""
        self.unapplied["lr"] = (self.unapplied.get("lr", (self.lr,))[0], SCHEDULED)
        self.lr = None
        self.lr_was, self._was_guessed = None, False

    def used(self, name: str, value, scheduled: bool = False, before=None) -> None:
        """A batch used ``value`` for ``name`` (``TrainingController.setting_changed``);
        ``scheduled``: a rate the schedule set again (``SettingChange.scheduled``); ``before``:
        the value in force until then, as the loop knew it (``SettingChange.before``)."""
        if name == "lr" and not scheduled and self._was_guessed and before is not None:
            self.lr_was, self._was_guessed = before, False  # the loop's word, not a guess
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
        if self.lr is None:  # no rate set by hand was ever used
            self.lr_was, self._was_guessed = None, False
        self.unapplied = {}
