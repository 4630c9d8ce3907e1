"""Configuration of the gate: ``[tool.evalkit]`` in ``pyproject.toml`` or an ``evalkit.toml``.

Discovery walks up from the working directory; in each folder an ``evalkit.toml`` (keys at the top level)
wins over a ``pyproject.toml`` with a ``[tool.evalkit]`` table; ``--config FILE`` names one directly. Paths
in the file (``pairs``, ``results``, ``baseline``) are relative to the file's folder.

Thresholds are layered, later layers winning key by key::

    defaults  <  the file's preset  <  the file's keys  <  the file's overrides matching the pair
              <  --preset  <  threshold flags (--min-meaning ...)

so a preset named on the command line overrides what the file says (it defines ``min_gain``,
``min_meaning``, ``max_drift`` and ``max_major``; never ``target`` or ``fail_on``), and a flag overrides
everything. Setting ``fail_on`` anywhere without a ``max_major`` means ``max_major = 0``: every selected
finding fails the pair. ``false`` switches a threshold off (TOML has no null).

Example::

    [tool.evalkit]
    preset = "standard"
    min_meaning = 0.65
    fail_on = ["changed:major", "added:major", "dropped:number"]
    pairs = "content/pairs.jsonl"

    [tool.evalkit.overrides."legal/**"]
    min_meaning = 0.8
    max_major = 0
"""

from __future__ import annotations

import difflib
import re
import tomllib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from evalkit.errors import ConfigError, EvalkitWarning
from evalkit.gate import Thresholds, parse_selector

CONFIG_FILE = "evalkit.toml"
PYPROJECT = "pyproject.toml"

THRESHOLD_KEYS: tuple[str, ...] = ("min_gain", "target", "min_meaning", "max_drift", "max_major", "fail_on")
RUN_KEYS: tuple[str, ...] = (
    "profile", "model", "layer", "device", "cache", "format", "workers", "batch_size", "pairs", "results",
    "baseline", "executor", "address",
)  # fmt: skip
TOP_KEYS: tuple[str, ...] = ("preset", *THRESHOLD_KEYS, *RUN_KEYS, "overrides")

#: Named bundles of thresholds (``standard`` is the built-in default of :class:`~evalkit.gate.Thresholds`).
#: Measured with ``scripts/calibrate_presets.py`` (default profile; the table is in the README): a rewrite of
#: the wrong article scores meaning <= 0.03 and drift >= 0.91; human rewrites that keep the facts score
#: meaning 0.15-0.74 and drift 0.18-0.63 (OneStop advanced -> intermediate/elementary); this project's own
#: reading-age-9 rewrites (corpora/examples) meaning 0.11-0.26 and drift 0.17-0.67. ``lenient`` fails only
#: the wrong text or a near-total loss; ``standard`` also fails a rewrite that keeps little of the original
#: or drifts more than any faithful rewrite measured; ``strict`` asks for a clear readability gain and a
#: rewrite close to the original (about half the human rewrites pass it; deep reading-age-9 rewrites do not).
#: A single changed fact in a long text barely moves the drift score: that is ``max_major``'s job (with
#: ``fail_on``). ``standard`` and ``strict`` allow none of the default selection (a changed number, date or
#: name: on OneStop, 7 of 63 elementary rewrites, two of them for a bound the rewrite says in words the engine
#: cannot read); ``lenient`` counts no findings.
PRESETS: dict[str, dict[str, Any]] = {
    "lenient": {"min_gain": 0.0, "min_meaning": 0.05, "max_drift": 0.85, "max_major": None},
    "standard": {"min_gain": 0.0, "min_meaning": 0.1, "max_drift": 0.7, "max_major": 0},
    "strict": {"min_gain": 1.0, "min_meaning": 0.3, "max_drift": 0.45, "max_major": 0},
}

_PROFILES = ("default", "fast")


def _suggest(key: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_target(name: str) -> None:
    """Validate a readability target name against :mod:`evalkit.readability.targets` when that module is
    installed; without it the name is kept and a warning says the target cannot be checked."""
    try:
        from evalkit.readability import targets
    except ImportError:
        warnings.warn(
            f"the readability target '{name}' is not checked: this evalkit has no readability targets",
            EvalkitWarning,
            stacklevel=2,
        )
        return
    known = getattr(targets, "TARGETS", None) or getattr(targets, "PRESETS", None)
    if isinstance(known, Mapping) and name not in known:
        raise ConfigError(f"unknown readability target '{name}' (choose {', '.join(sorted(known))})")


def _threshold_value(key: str, value: object, where: str) -> object:
    """A validated threshold value; ``False`` switches the check off (``None``)."""
    if value is False and key != "fail_on":
        return None
    if key in ("min_gain", "min_meaning", "max_drift"):
        if not _is_number(value):
            raise ConfigError(f"{where}: must be a number or false, not {value!r}")
        number = float(value)  # type: ignore[arg-type]
        if key != "min_gain" and not 0.0 <= number <= 1.0:
            raise ConfigError(f"{where}: must be between 0 and 1, not {number:g}")
        return number
    if key == "max_major":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{where}: must be a whole number 0 or more, or false, not {value!r}")
        return value
    if key == "target":
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: must be a target name or false, not {value!r}")
        check_target(value.strip())
        return value.strip()
    if key == "fail_on":
        return parse_fail_on(value, where)
    raise ConfigError(f"{where}: unknown threshold")  # pragma: no cover


def threshold_flag(key: str, value: object, where: str) -> object:
    """A threshold given on the command line, validated like the same key in a file."""
    if key not in THRESHOLD_KEYS:
        raise ConfigError(f"{where}: unknown threshold")
    return _threshold_value(key, value, where)


def parse_fail_on(value: object, where: str = "fail_on") -> tuple[str, ...]:
    """``fail_on`` from a list of selectors or a comma-separated string (``none`` or ``[]``: nothing; a
    ``none`` beside selectors, as repeated ``--fail-on`` options join them, adds nothing)."""
    if isinstance(value, str):
        items = [item.strip() for item in value.split(",") if item.strip() and item.strip().lower() != "none"]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = [item.strip() for item in value]
    else:
        raise ConfigError(f"{where}: must be a list of finding selectors, not {value!r}")
    try:
        for item in items:
            parse_selector(item)
    except ConfigError as error:
        raise ConfigError(f"{where}: {error.problem}") from None
    return tuple(items)


def _run_value(key: str, value: object, where: str, root: Path) -> object:
    if key == "profile":
        if value not in _PROFILES:
            raise ConfigError(f"{where}: must be one of {', '.join(_PROFILES)}, not {value!r}")
        return value
    if key in ("model", "device", "format", "executor", "address"):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: must be a string, not {value!r}")
        if key == "executor":
            from evalkit.executors import ENGINES

            if value not in ENGINES:
                raise ConfigError(f"{where}: must be one of {', '.join(ENGINES)}, not {value!r}")
        if key == "format":
            from evalkit.writers import WRITERS

            if value not in WRITERS:
                raise ConfigError(f"{where}: unknown format {value!r} (choose {', '.join(sorted(WRITERS))})")
        return value
    if key in ("layer", "workers", "batch_size"):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ConfigError(f"{where}: must be a whole number 1 or more, not {value!r}")
        return value
    if key == "cache":
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: must be true or false, not {value!r}")
        return value
    if key in ("results", "baseline"):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where}: must be a path, not {value!r}")
        return str(root / value)
    if key == "pairs":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(i, str) and i for i in items):
            raise ConfigError(f"{where}: must be a path or a list of paths, not {value!r}")
        return tuple(str(root / item) for item in items)
    raise ConfigError(f"{where}: unknown key")  # pragma: no cover


@lru_cache(maxsize=256)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over ``/``-separated paths: ``*`` and ``?`` stay within one folder,
    ``**`` crosses folders (``**/`` also matches no folder at all), ``[...]`` is a character class."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = pattern[i + 1 : end]
                negate = body.startswith("!")
                body = body[1:] if negate else body
                out.append(f"[{'^' if negate else ''}{re.escape(body).replace(chr(92) + '-', '-')}]")
                i = end + 1
                continue
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def glob_matches(pattern: str, candidate: str) -> bool:
    return compile_glob(pattern).match(candidate) is not None


@dataclass(frozen=True, slots=True)
class Override:
    """Thresholds for the pairs whose id or file path matches ``pattern``."""

    pattern: str
    values: Mapping[str, Any]

    def matches(self, candidates: Sequence[str]) -> bool:
        return any(glob_matches(self.pattern, candidate) for candidate in candidates)


@dataclass(frozen=True, slots=True)
class FileConfig:
    """The validated content of one configuration file (or none: ``source is None``)."""

    source: Path | None = None
    root: Path = field(default_factory=Path)
    preset: str | None = None
    thresholds: Mapping[str, Any] = field(default_factory=dict)
    run: Mapping[str, Any] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """A run setting from the file, or ``default``."""
        return self.run.get(key, default)


def _check_preset(name: object, where: str) -> str:
    if not isinstance(name, str) or name not in PRESETS:
        raise ConfigError(f"{where}: unknown preset {name!r} (choose {', '.join(PRESETS)})")
    return name


def parse_config(data: Mapping[str, Any], *, source: Path, prefix: str = "") -> FileConfig:
    """Validate a configuration table; every unknown key is a :class:`ConfigError` that names it."""
    root = source.parent
    thresholds: dict[str, Any] = {}
    run: dict[str, Any] = {}
    overrides: list[Override] = []
    preset = None
    try:
        for key, value in data.items():
            where = f"{prefix}{key}"
            if key == "preset":
                preset = _check_preset(value, where)
            elif key in THRESHOLD_KEYS:
                thresholds[key] = _threshold_value(key, value, where)
            elif key in RUN_KEYS:
                run[key] = _run_value(key, value, where, root)
            elif key == "overrides":
                if not isinstance(value, Mapping):
                    raise ConfigError(f"{where}: must be a table of glob = {{ thresholds }}")
                for pattern, table in value.items():
                    inner = f'{where}."{pattern}"'
                    if not isinstance(table, Mapping):
                        raise ConfigError(f"{inner}: must be a table of thresholds")
                    values: dict[str, Any] = {}
                    for name, setting in table.items():
                        if name not in THRESHOLD_KEYS:
                            raise ConfigError(
                                f"unknown key '{inner}.{name}'{_suggest(name, THRESHOLD_KEYS)}; "
                                f"an override sets only {', '.join(THRESHOLD_KEYS)}"
                            )
                        values[name] = _threshold_value(name, setting, f"{inner}.{name}")
                    overrides.append(Override(pattern, values))
            else:
                raise ConfigError(f"unknown key '{where}'{_suggest(key, TOP_KEYS)}")
    except ConfigError as error:
        raise ConfigError(error.problem, source=source) from None
    return FileConfig(source, root, preset, thresholds, run, tuple(overrides))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("no such configuration file", source=path) from None
    except IsADirectoryError:
        raise ConfigError("is a folder, not a configuration file", source=path) from None
    except PermissionError:
        raise ConfigError("cannot be read: permission denied", source=path) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"is not valid TOML: {error}", source=path) from None
    except UnicodeDecodeError:
        raise ConfigError("is not valid UTF-8 TOML", source=path) from None


def _evalkit_table(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    tool = data.get("tool")
    if not isinstance(tool, Mapping) or "evalkit" not in tool:
        return None
    table = tool["evalkit"]
    if not isinstance(table, Mapping):
        raise ConfigError("[tool.evalkit] must be a table", source=path)
    return table


def load_file(path: Path) -> FileConfig:
    """Read one configuration file: a ``pyproject.toml`` (its ``[tool.evalkit]`` table) or any other TOML
    file with the keys at the top level."""
    data = _read_toml(path)
    if path.name == PYPROJECT:
        table = _evalkit_table(path, data)
        if table is None:
            raise ConfigError("has no [tool.evalkit] table", source=path)
        return parse_config(table, source=path, prefix="tool.evalkit.")
    return parse_config(data, source=path)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``evalkit.toml``, or ``pyproject.toml`` with a ``[tool.evalkit]`` table, walking up from
    ``start`` (default: the working directory)."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _evalkit_table(pyproject, _read_toml(pyproject)) is not None:
            return pyproject
    return None


def load_config(path: str | Path | None = None, *, discover: bool = True, start: Path | None = None) -> FileConfig:
    """The configuration: ``path`` if given, else the discovered file (if ``discover``), else none."""
    if path is not None:
        return load_file(Path(path))
    if discover:
        found = find_config(start)
        if found is not None:
            return load_file(found)
    return FileConfig()


@dataclass(frozen=True, slots=True)
class GateConfig:
    """Thresholds for every pair: the file's layers plus the command line's preset and flags."""

    file: FileConfig = field(default_factory=FileConfig)
    preset: str | None = None
    flags: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.preset is not None:
            _check_preset(self.preset, "--preset")
        unknown = set(self.flags) - set(THRESHOLD_KEYS)
        if unknown:
            raise ConfigError(f"unknown threshold {sorted(unknown)[0]!r}")

    def layers(self, candidates: Sequence[str]) -> list[Mapping[str, Any]]:
        """The partial threshold tables that apply to a pair, weakest first."""
        layers: list[Mapping[str, Any]] = []
        if self.file.preset is not None:
            layers.append(PRESETS[self.file.preset])
        layers.append(self.file.thresholds)
        layers += [override.values for override in self.file.overrides if override.matches(candidates)]
        if self.preset is not None:
            layers.append(PRESETS[self.preset])
        layers.append(self.flags)
        return layers

    def thresholds_for(self, pair_id: str = "", paths: Sequence[str] = ()) -> Thresholds:
        """The thresholds of one pair; overrides match its id or its file paths (relative to the
        configuration file's folder when they lie inside it)."""
        candidates = [pair_id, *(self._relative(path) for path in paths)]
        merged: dict[str, Any] = Thresholds().to_dict()
        merged["fail_on"] = tuple(merged["fail_on"])
        explicit_fail_on = False
        for layer in self.layers(candidates):
            merged.update(layer)
            explicit_fail_on = explicit_fail_on or "fail_on" in layer
        if explicit_fail_on and merged["max_major"] is None:
            merged["max_major"] = 0
        return Thresholds(**merged)

    def _relative(self, path: str) -> str:
        if self.file.source is None:
            return Path(path).as_posix()
        try:
            return Path(path).resolve().relative_to(self.file.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
