"""Domain errors.

Every failure a user can cause (a missing file, a malformed pairs line, an unknown config key, a model
that cannot be loaded offline) is raised as an :class:`EvalkitError`. The CLI turns these into one line on
stderr and exit code 2 in a single place (``evalkit.cli``); library callers catch them as usual.
"""

from __future__ import annotations

from pathlib import Path


class EvalkitError(Exception):
    """Base class of every error evalkit raises on purpose."""

    exit_code = 2

    def one_line(self) -> str:
        """The message as one line, fit for stderr or a CI log."""
        return " ".join(str(self).split())


class InputError(EvalkitError):
    """A text or pairs file that cannot be read or used.

    ``source`` names the file (or ``<stdin>``, or the pair id), ``line`` the 1-based line of a pairs file.
    """

    def __init__(self, source: str | Path | None, problem: str, *, line: int | None = None) -> None:
        self.source = str(source) if source is not None else None
        self.problem = problem
        self.line = line
        where = self.source or "input"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {problem}")


class ConfigError(EvalkitError):
    """An invalid configuration file, key, value or preset."""

    def __init__(self, problem: str, *, source: str | Path | None = None) -> None:
        self.source = str(source) if source is not None else None
        self.problem = problem
        super().__init__(f"{self.source}: {problem}" if self.source else problem)


class ModelError(EvalkitError):
    """A model that cannot be found or loaded (evalkit never downloads one unless asked)."""


class MissingExtraError(EvalkitError):
    """An optional feature whose package is not installed."""

    def __init__(self, feature: str, extra: str, package: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(f"{feature} needs the package '{package}': install it with pip install \"evalkit[{extra}]\"")


class EngineError(EvalkitError):
    """A distributed engine that cannot be reached or that lost work it cannot recover (a worker that
    died more often than the engine retries); finished pairs stay in the results file for ``--resume``."""


class EvalkitWarning(UserWarning):
    """A condition worth telling the user about that does not stop the run (e.g. non-English text)."""
