"""Errors meant for a person: each carries one line that says what is wrong and how to fix it.

The line is English (the CLI prints it). An error built with ``Error.of(N_("{file}: ..."),
file=...)`` also keeps its template and values, so the window can translate the template and
fill it in (``user_message``); other errors show, in the window's language, a summary of their
kind before the English detail.
"""

from __future__ import annotations

import errno
from typing import Any

from nndesk import i18n
from nndesk.i18n import N_


class NndeskError(Exception):
    """Base class; ``str(err)`` is a complete one-line message for the CLI or a message box."""

    #: the kind of problem in a few words, marked for translation; the window puts it before an
    #: English detail that has no translation
    summary = N_("nndesk cannot do this")
    template: str | None = None  # the English text with {named} places, marked with N_
    values: dict[str, Any] = {}  # noqa: RUF012 - the default of errors built without a template
    #: what the window says instead, when it differs from the CLI's line (no command-line
    #: advice such as "--data-dir"); marked with N_, filled in with ``values``
    window_template: str | None = None
    #: the window's words already in its language (an error the window itself worded, such as
    #: a missing dataset's banner text): said as they are, with no summary before them
    window_text: str | None = None
    #: a library's own words behind the line (zlib's "Error -3 while decompressing data: …"),
    #: English whatever the window's language: the window shows them under Details, labelled
    #: as the technical detail, never in the line itself
    technical: str | None = None

    @classmethod
    def of(cls, template: str, **values: Any):
        """The error whose text is ``template`` (written ``N_("...")`` so it is extracted for
        translation) filled in with ``values``."""
        err = cls(template.format(**values))
        err.template, err.values = template, dict(values)
        return err


class ConfigError(NndeskError):
    """A setting (flag, preset, architecture string, field value) is invalid."""

    summary = N_("This setting cannot be used")


class DataError(NndeskError):
    """A dataset file or folder is missing, corrupt or does not match its checksum."""

    summary = N_("The dataset cannot be read")


class MissingDataError(DataError):
    """A dataset file is not where nndesk looked. ``what`` names the file and the folder
    without advice, so the window can give its own advice (once) instead of the CLI's;
    ``what_template`` / ``values`` let it translate ``what``."""

    def __init__(
        self, what: str, advice: str, what_template: str | None = None, **values: Any
    ) -> None:
        super().__init__(f"{what}; {advice}")
        self.what = what
        self.what_template, self.values = what_template, dict(values)

    def what_shown(self) -> str:
        """``what`` in the window's language."""
        if self.what_template is None:
            return self.what
        return i18n.shown(self.what_template).format(**self.values)


class ModelFileError(NndeskError):
    """A model file is missing, truncated, foreign, tampered with or of an unknown version."""

    summary = N_("The model file cannot be used")


class PreprocessError(NndeskError):
    """An image cannot be read or turned into a 28x28 input."""

    summary = N_("The image cannot be used")


class NndeskWarning(UserWarning):
    """Something a person should know that does not stop the work. The CLI prints it as one
    ``nndesk: warning:`` line; the window says it (``ui.warning_notes``), never on stderr. Its
    text may be an ``i18n.Message``, which the window translates."""


class DataWarning(NndeskWarning):
    """Data used as given although it is not what was expected: dataset files that are not the
    published ones, class folders or images skipped."""


#: why the system refused a file, for the reasons a person can do something about
_OS_REASONS = {
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk quota is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOENT: N_("no such file or folder"),
    errno.EISDIR: N_("it is a folder"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}


def os_reason(err: OSError) -> str:
    """Why the system refused: the system's own words in English (the CLI), the window's
    language for the common reasons (a full or read-only disk, no permission)."""
    reason = err.strerror or str(err) or type(err).__name__
    if i18n.translating() and err.errno in _OS_REASONS:
        return i18n.shown(_OS_REASONS[err.errno])
    return reason


def window_message(err: BaseException) -> str:
    """What the window says of ``err``, in its language: the window's own wording when the
    error has one (``window_template``: no command-line advice), else ``user_message``."""
    if isinstance(err, NndeskError) and err.window_text is not None:
        return err.window_text
    if isinstance(err, NndeskError) and err.window_template is not None:
        return i18n.localised(i18n.Message(err.window_template, **err.values))
    return user_message(err)


def user_message_data(err: BaseException) -> str:
    """``user_message(err)`` kept as data, to be said when shown: an ``i18n.Message`` (its
    English line, with the template and values) when the error was worded with a template,
    which ``i18n.localised`` says in the window's language of the moment (a line kept across a
    language switch is said in the new one); else the line ``user_message`` says now."""
    if isinstance(err, NndeskError) and err.template is not None:
        return i18n.Message(err.template, **err.values)
    first = err.args[0] if err.args else None
    if isinstance(first, i18n.Message) and "\n" not in first:  # raised with a Message
        return first
    return user_message(err)


def user_message(err: BaseException) -> str:
    """``str(err)`` in the window's language: the error's template translated and filled in;
    else, for an NndeskError, its translated summary before the English detail. An OSError
    gives its file and reason (``fileio.describe``). Exactly ``str(err)`` of an NndeskError
    while no language is installed (the CLI)."""
    if isinstance(err, OSError):  # "<file>: <reason>", as fileio.describe writes it
        reason = os_reason(err)
        named = err.filename is not None and str(err.filename) not in reason
        return f"{err.filename}: {reason}" if named else reason
    english = str(err).splitlines()[0] if str(err) else type(err).__name__
    if not i18n.translating():
        return english
    if isinstance(err, NndeskError) and err.template is not None:
        return i18n.localised(i18n.Message(err.template, **err.values))
    if err.args and isinstance(err.args[0], i18n.Message):  # raised with a Message
        return i18n.localised(err.args[0]).splitlines()[0]
    if isinstance(err, NndeskError):
        summary = i18n.shown(type(err).summary)
        return english if summary == type(err).summary else f"{summary}: {english}"
    return english
