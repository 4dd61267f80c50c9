"""Errors meant for a person: each carries one line that says what is wrong and how to fix it."""


class NndeskError(Exception):
    """Base class; ``str(err)`` is a complete one-line message for the CLI or a message box."""


class ConfigError(NndeskError):
    """A setting (flag, preset, architecture string, field value) is invalid."""


class DataError(NndeskError):
    """A dataset file or folder is missing, corrupt or does not match its checksum."""


class MissingDataError(DataError):
    """A dataset file is not where nndesk looked. ``what`` names the file and the folder
    without advice, so the window can give its own advice (once) instead of the CLI's."""

    def __init__(self, what: str, advice: str) -> None:
        super().__init__(f"{what}; {advice}")
        self.what = what


class ModelFileError(NndeskError):
    """A model file is missing, truncated, foreign, tampered with or of an unknown version."""


class PreprocessError(NndeskError):
    """An image cannot be read or turned into a 28x28 input."""
